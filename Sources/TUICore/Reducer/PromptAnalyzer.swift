import PromptKit

/// Builds the prompt view's contents from a document: the rendered prompt, token counts per
/// 75-token chunk, and PromptKit's lint warnings.
public struct PromptAnalyzer: Sendable {
    /// Counts the tokens of each 75-token chunk of a prompt as A1111 splits it (nil: unknown).
    public typealias ChunkCounter = @Sendable (String) -> [Int]?

    public let linter: PromptLinter
    public let chunkCounter: ChunkCounter?
    /// The word lists `__name__` draws from (Dynamic Prompts' wildcards).
    public var wildcards = WildcardLibrary()

    /// `knownLoRAs`: the names the LoRA folders answer to (nil: the `lora` rule is skipped).
    public init(tokenCounter: (any SectionTokenCounting)? = nil, chunkCounter: ChunkCounter? = nil,
                knownLoRAs: Set<String>? = nil) {
        linter = PromptLinter(tokenCounter: tokenCounter, knownLoRAs: knownLoRAs)
        self.chunkCounter = chunkCounter
    }

    public func analyze(_ document: Document) -> PromptAnalysis {
        let preset = document.preset(named: "")
        let rendered = document.render()
        let expansion = WildcardPreview.make(rendered, settings: document.settings, library: wildcards)
        var promptChunks: [Int]?
        var negativeChunks: [Int]?
        if document.family.profile.usesCLIPChunks, let chunkCounter {
            // Tokens of what renders: the expansion when the prompt has wildcards.
            promptChunks = chunkCounter(expansion?.prompt ?? rendered.prompt)
            let negative = expansion?.negative ?? rendered.negative ?? ""
            if !negative.isEmpty { negativeChunks = chunkCounter(negative) }
        }
        // A raw prompt is checked as written (tokens, CFG, size), not as a dialect's output.
        let input = document.raw == nil ? LintInput(preset: preset)
            : LintInput(prompt: rendered.prompt, negative: rendered.negative ?? "", family: document.family,
                        cfg: document.settings.cfgScale, width: document.settings.width, height: document.settings.height)
        let warnings = linter.lint(input).map(\.message)
        var analysis = PromptAnalysis(rendered: rendered, promptChunks: promptChunks, negativeChunks: negativeChunks,
                                      warnings: warnings)
        analysis.wildcards = expansion
        return analysis
    }

    /// Rendering and lint without a tokenizer (no token counts, no token rule).
    public static let withoutTokenizer = PromptAnalyzer()
}
