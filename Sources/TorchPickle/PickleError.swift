/// Why a pickle (or the zip around it) was refused. Every case is a one-line reason; nothing
/// in a refused file is ever executed.
public struct PickleError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "\(file): \(reason)" }
}
