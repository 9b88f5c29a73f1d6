/// Where a key binding applies. The active contexts come from the state (`AppState.keyContexts`),
/// most specific first; a key resolves to the first binding found in that order.
public enum KeyContext: String, Hashable, Sendable, CaseIterable {
    /// Always active, even while typing: only control and function keys live here.
    case global
    /// No overlay open (a grid field may be being edited): the workbench's commands, on keys
    /// that cannot be text.
    case main
    /// Vim-style letters on the grid (`KeyStyle.vim`, F9): active when no field is edited.
    case vim
    /// The grid editor has focus (not editing); printable keys start typing into the field.
    case grid
    /// A grid field is being edited; printable keys type.
    case editing
    /// The parameter panel has focus.
    case parameters
    /// The prompt view has focus: the arrow keys scroll it.
    case promptView
    /// A list picker (sampler, schedule, family, model, aspect) is open.
    case picker
    /// The preset browser is open.
    case presets
    /// The history browser is open.
    case history
    /// The LoRA and embedding browser is open.
    case adapters
    /// A one-line prompt (preset name, file path, exact number) is open; printable keys type.
    case textEntry
    /// A yes/no question is open.
    case confirm
    /// The help overlay is open.
    case help

    /// Heading used on the help screen.
    public var title: String {
        switch self {
        case .global: return "Everywhere"
        case .main: return "Workbench"
        case .vim: return "Vim-style keys (F9 or --keys vim turns them on)"
        case .grid: return "Grid editor"
        case .editing: return "Editing a field"
        case .parameters: return "Parameters"
        case .promptView: return "Prompt view"
        case .picker: return "Lists"
        case .presets: return "Preset browser"
        case .history: return "History browser"
        case .adapters: return "LoRA and embedding browser"
        case .textEntry: return "Text prompt"
        case .confirm: return "Confirmation"
        case .help: return "Help"
        }
    }

    /// Whether printable keys type text in this context.
    public var typesText: Bool { self == .editing || self == .textEntry }
}
