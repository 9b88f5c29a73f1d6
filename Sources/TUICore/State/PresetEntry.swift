import PromptKit

/// A preset as the browser lists it.
public struct PresetEntry: Equatable, Sendable {
    public var name: String
    /// Built-in presets ship with Easel and cannot be overwritten, renamed or deleted.
    public var isBuiltIn: Bool
    public var document: Document
    /// The theme the preset switches to when loaded (PromptKit's `Preset.theme`); nil keeps
    /// the current one. Not part of the document: undo does not change the theme.
    public var theme: String?

    /// An imported A1111 style: no grid of its own, only styles. Loading one turns its styles
    /// on or off over the current work instead of replacing it.
    public var isStyle: Bool { document.grid.isEmpty && !document.styles.isEmpty }

    public init(name: String, isBuiltIn: Bool, document: Document, theme: String? = nil) {
        self.name = name
        self.isBuiltIn = isBuiltIn
        self.document = document
        self.theme = theme
    }
}
