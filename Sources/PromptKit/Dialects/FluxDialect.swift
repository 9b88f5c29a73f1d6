/// FLUX: fluent English sentences (`ProseSentences`), quoted text kept as written, no quality
/// tags and no negative prompt (FLUX.1 runs without CFG's negative branch): a grid negative
/// is left out (`PromptLinter` warns about it).
public struct FluxDialect: Dialect {
    public let family = ModelFamily.flux

    public init() {}

    public func render(_ grid: PromptGrid) -> RenderedPrompt {
        RenderedPrompt(prompt: ProseSentences.sentences(grid).map(\.text).joined(separator: " "), negative: nil)
    }
}
