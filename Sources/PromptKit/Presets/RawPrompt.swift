/// A prompt kept exactly as written, outside every dialect: what an A1111 or ComfyUI PNG was
/// rendered with. Grid rows filled in afterwards are added after it as tags, with no quality
/// tags or default negative, so nothing the PNG's author wrote is rewritten.
public struct RawPrompt: Equatable, Sendable {
    public var prompt: String
    public var negative: String
    /// Where it came from, for the screen ("00012-7.png").
    public var source: String
    /// What the source used that this render does not apply (its model, LoRAs, hires fix, RNG).
    public var notApplied: [String]

    public init(prompt: String, negative: String = "", source: String = "", notApplied: [String] = []) {
        self.prompt = prompt
        self.negative = negative
        self.source = source
        self.notApplied = notApplied
    }

    /// The raw prompt, then the grid's rows and extra tags as tags; the raw negative, then the
    /// grid's negative.
    public func render(with grid: PromptGrid) -> RenderedPrompt {
        var tags: [String] = []
        for (_, row) in grid.filledRows { tags += TagDialect.emphasized(RowText.tags(row), weight: row.weight) }
        tags += grid.extraTags.flatMap(RowText.splitTags)
        let prompt = ([self.prompt] + tags).filter { !$0.isBlank }.joined(separator: ", ")
        let negative = [self.negative, grid.negative].filter { !$0.isBlank }.joined(separator: ", ")
        return RenderedPrompt(prompt: prompt, negative: negative.isEmpty ? nil : negative)
    }
}
