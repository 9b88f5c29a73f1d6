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

    /// The overlay's geometry for a screen width: the window is at most 96 columns; keys take a
    /// third of its inside (at most 26), descriptions the rest after a gap.
    public static func columns(screenWidth: Int) -> (inner: Int, keys: Int, description: Int) {
        let inner = max(1, min(96, screenWidth - 2) - 2)
        let keys = min(26, inner / 3)
        return (inner, keys, max(1, inner - keys - 3))
    }

    /// Every help line for the state's screen; a description too wide for it (the demo model's
    /// word lists at 80 columns) continues on the next lines under itself.
    public static func lines(keymap: Keymap, state: AppState) -> [Line] {
        let width = columns(screenWidth: state.columns).description
        var out: [Line] = []
        func add(_ keys: String, _ description: String) {
            for (i, part) in TextWrap.lines(description, width: width).enumerated() {
                out.append(.binding(keys: i == 0 ? keys : "", description: part))
            }
        }
        if let vocabulary = state.currentModelAdvice?.vocabulary {
            let name = state.model.name ?? "The model"
            out.append(.heading("What \(name) knows"))
            for group in vocabulary.groups {
                add(group.name, group.words.joined(separator: ", "))
            }
            out.append(.text("Other words have no effect on it (the prompt view lists them)."))
            out.append(.blank)
        }
        for (index, section) in keymap.helpSections.enumerated() {
            if index > 0 { out.append(.blank) }
            out.append(.heading(section.context.title))
            for binding in section.bindings {
                add(binding.keys.map(\.label).joined(separator: " "), binding.description)
            }
        }
        return out
    }

    /// Rows of help text visible in the overlay for a screen height: overlays sit above the
    /// status and hint lines (2 rows), and the help window leaves a row above and below and
    /// has its frame (4 more).
    public static func visibleRows(screenRows: Int) -> Int { max(1, screenRows - 6) }
}
