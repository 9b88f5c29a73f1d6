import PromptKit

/// Ways to build the prompt view's contents from a document.
public enum PromptAnalyzer {
    /// The grid rendered in its family's dialect, with the dialect's notes as warnings (no token
    /// counts or lint).
    public static let dialectOnly: @Sendable (Document) -> PromptAnalysis = { document in
        let rendered = document.grid.render()
        return PromptAnalysis(rendered: rendered, warnings: rendered.notes)
    }
}
