import Foundation

/// A file that could not be read, written or deleted, or that Easel would not touch: the path
/// and one reason, printed as one line `path: reason`. Imaging's `ImageFileError` is this type.
public struct FileError: Error, Equatable, CustomStringConvertible, LocalizedError, Sendable {
    /// The file concerned (`<memory>` for in-memory data).
    public let path: String
    /// What went wrong, without the path.
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
    public var errorDescription: String? { description }
}
