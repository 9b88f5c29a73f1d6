/// The help overlay's lines: what the model knows (for a model with a small vocabulary, such
/// as the demo model), then every binding of the key table by context. Shared by the painter
/// and the reducer, which bounds the scroll position with it.
public enum HelpLines {
    public enum Line: Equatable, Sendable {
        case blank
        case heading(String)
        case text(String)
        case binding(keys: String, description: String)
    }

    public static func lines(keymap: Keymap, state: AppState) -> [Line] {
        var out: [Line] = []
        if let vocabulary = state.currentModelAdvice?.vocabulary {
            let name = state.model.name ?? "The model"
            out.append(.heading("What \(name) knows"))
            for group in vocabulary.groups {
                out.append(.binding(keys: group.name, description: group.words.joined(separator: ", ")))
            }
            out.append(.text("Other words have no effect on it (the prompt view lists them)."))
            out.append(.blank)
        }
        for (index, section) in keymap.helpSections.enumerated() {
            if index > 0 { out.append(.blank) }
            out.append(.heading(section.context.title))
            for binding in section.bindings {
                out.append(.binding(keys: binding.keys.map(\.label).joined(separator: " "), description: binding.description))
            }
        }
        return out
    }

    /// Rows of help text visible in the overlay for a screen height.
    public static func visibleRows(screenRows: Int) -> Int { max(1, screenRows - 4) }
}
