/// The panes that can hold keyboard focus.
public enum Pane: String, Equatable, Sendable, CaseIterable {
    case grid, prompt, parameters, preview

    public var title: String {
        switch self {
        case .grid: return "Prompt grid"
        case .prompt: return "Prompt"
        case .parameters: return "Parameters"
        case .preview: return "Preview"
        }
    }
}
