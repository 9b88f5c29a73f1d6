import Foundation

/// A failure to read, decode, encode or write an image, as one line naming the file.
public struct ImageFileError: Error, Equatable, CustomStringConvertible {
    /// The file concerned (`<memory>` for in-memory data).
    public let path: String
    /// What went wrong, without the path.
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

extension ImageFileError: LocalizedError {
    public var errorDescription: String? { description }
}
