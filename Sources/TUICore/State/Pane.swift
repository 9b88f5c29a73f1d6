/// The panes that can hold keyboard focus.
public enum Pane: String, Equatable, Sendable, CaseIterable {
    case grid, parameters, preview

    public var title: String {
        switch self {
        case .grid: return "Prompt grid"
        case .parameters: return "Parameters"
        case .preview: return "Preview"
        }
    }
}
