/// A window over the workbench. Overlays stack: the preset browser can open a name prompt, which
/// can open an overwrite question; closing one returns to the one below.
public enum Overlay: Equatable, Sendable {
    case help(scroll: Int)
    case picker(ListPicker)
    case presets(PresetBrowser)
    case textEntry(TextEntry)
    case confirm(Confirmation)
}

/// A list to choose one item from (sampler, schedule, family, model, aspect).
public struct ListPicker: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable { case family, model, sampler, schedule, aspect }
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
    }
    public var title: String
    public var field: TextField
    public var purpose: Purpose
    /// File names the last Tab completion found (shown under the field).
    public var candidates: [String] = []

    public init(title: String, text: String = "", purpose: Purpose) {
        self.title = title
        field = TextField(text)
        self.purpose = purpose
    }
}

/// A yes/no question.
public struct Confirmation: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case deletePreset(name: String)
        case overwritePreset(name: String)
    }
    public var question: String
    public var purpose: Purpose

    public init(question: String, purpose: Purpose) {
        self.question = question
        self.purpose = purpose
    }
}
