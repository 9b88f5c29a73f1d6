import PromptKit

/// What the prompt view shows for the current document: the rendered prompt and negative, the
/// CLIP token count of each 75-token chunk, and lint warnings.
public struct PromptAnalysis: Equatable, Sendable {
    public var rendered: RenderedPrompt
    /// Token counts per chunk of the prompt; nil when the family does not use CLIP chunks or no
    /// tokenizer is available.
    public var promptChunks: [Int]?
    public var negativeChunks: [Int]?
    public var warnings: [String]
    /// What the model makes of the prompt, e.g. the demo model's vocabulary and the words it
    /// ignores.
    public var modelNotes: [String] = []
    /// The prompt's wildcards expanded with the document's seed (nil: no wildcard syntax).
    public var wildcards: WildcardPreview?

    public init(rendered: RenderedPrompt, promptChunks: [Int]? = nil, negativeChunks: [Int]? = nil,
                warnings: [String] = []) {
        self.rendered = rendered
        self.promptChunks = promptChunks
        self.negativeChunks = negativeChunks
        self.warnings = warnings
    }

    public static let empty = PromptAnalysis(rendered: RenderedPrompt(prompt: ""))
}
