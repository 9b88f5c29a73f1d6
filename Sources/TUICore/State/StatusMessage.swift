/// The message in the status line until the next one replaces it.
public struct StatusMessage: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case info, success, warning, error }
    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    public static func info(_ text: String) -> StatusMessage { StatusMessage(.info, text) }
    public static func success(_ text: String) -> StatusMessage { StatusMessage(.success, text) }
    public static func warning(_ text: String) -> StatusMessage { StatusMessage(.warning, text) }
    public static func error(_ text: String) -> StatusMessage { StatusMessage(.error, text) }
}
