/// A preset as the browser lists it.
public struct PresetEntry: Equatable, Sendable {
    public var name: String
    /// Built-in presets ship with Easel and cannot be overwritten, renamed or deleted.
    public var isBuiltIn: Bool
    public var document: Document

    public init(name: String, isBuiltIn: Bool, document: Document) {
        self.name = name
        self.isBuiltIn = isBuiltIn
        self.document = document
    }
}
