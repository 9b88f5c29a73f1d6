/// A window over the workbench. Overlays stack: the preset browser can open a name prompt, which
/// can open an overwrite question; closing one returns to the one below.
public enum Overlay: Equatable, Sendable {
    case help(scroll: Int)
    case picker(ListPicker)
    case presets(PresetBrowser)
    case history(HistoryBrowser)
    case adapters(AdapterBrowser)
    case textEntry(TextEntry)
    case confirm(Confirmation)
}

/// A list to choose one item from (sampler, schedule, family, model, aspect).
public struct ListPicker: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case family, model, sampler, schedule, aspect
        /// The engine picker (`EngineState.entries`, in order).
        case engine
        /// The loaded model's family, correcting a guess (`EngineState.correctableFamilies`).
        case modelFamily
    }
    public var title: String
    public var items: [String]
    public var selected: Int
    public var purpose: Purpose

    public init(title: String, items: [String], selected: Int, purpose: Purpose) {
        self.title = title
        self.items = items
        self.selected = min(max(0, selected), max(0, items.count - 1))
        self.purpose = purpose
    }
}

/// The preset browser's cursor (the list itself is `AppState.presets`).
public struct PresetBrowser: Equatable, Sendable {
    public var selected: Int
    public init(selected: Int = 0) { self.selected = selected }
}

/// A one-line text prompt.
public struct TextEntry: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case savePresetAs
        case renamePreset(from: String)
        case openImage
        case initImage
        case importStyles
        case parameter(ParameterField)
        /// A comparison's X axis (`NAME=VALUES`), then its optional Y axis.
        case comparisonX
        case comparisonY(x: String)
    }
    public var title: String
    public var field: TextField
    public var purpose: Purpose
    /// The text is a pre-filled value shown selected: the first typed character replaces it
    /// (as in a web form's selected field); a cursor key keeps it for editing.
    public var prefilled: Bool
    /// For path prompts: the folder listed below the field and its entries (directories end
    /// in "/"), as the TUI last read them.
    public var listing: FolderListing?

    public init(title: String, text: String = "", purpose: Purpose) {
        self.title = title
        field = TextField(text)
        self.purpose = purpose
        prefilled = !text.isEmpty
    }

    /// Whether the field holds a file path (Tab completes, the folder is listed).
    public var isPath: Bool {
        switch purpose {
        case .openImage, .initImage, .importStyles: return true
        default: return false
        }
    }

    /// File name endings a path prompt lists (folders are always listed).
    public var fileTypes: [String] {
        switch purpose {
        case .openImage, .initImage: return [".png"]
        case .importStyles: return [".csv"]
        default: return []
        }
    }
}

/// A yes/no question.
public struct Confirmation: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case deletePreset(name: String)
        case overwritePreset(name: String)
        case deleteHistory(id: String)
        /// Fit the settings to the model (its native size, steps within its advice).
        case fitToModel(width: Int, height: Int, steps: Int)
        /// Take the new family's settings (CFG, steps, size, sampler, clip skip).
        case familySettings(RenderSettingsOffer)
    }
    public var question: String
    public var purpose: Purpose

    public init(question: String, purpose: Purpose) {
        self.question = question
        self.purpose = purpose
    }
}

/// A folder's entries, read by the TUI for a path prompt (`Effect.listFolder`).
public struct FolderListing: Equatable, Sendable {
    /// The folder as typed (up to and including the last "/"), e.g. "~/Pictures/" or "".
    public var folder: String
    /// Entry names; folders end in "/".
    public var entries: [String]

    public init(folder: String, entries: [String]) {
        self.folder = folder
        self.entries = entries
    }
}
