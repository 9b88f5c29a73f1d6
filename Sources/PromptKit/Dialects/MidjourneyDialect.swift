/// Midjourney: comma phrases (what, who, doing, wearing, light, composition, style, extra
/// tags), then labelled sections `Artistic Medium:` (medium, or the what row when the medium
/// row is empty: the guide's "what" names the kind of picture), `Time Period:` (period),
/// `Emotion:` (mood), `Colors:` (the light row's qualifier) and `Environment:` (where).
/// Empty sections are left out. The negative becomes Midjourney's `--no` parameter.
/// Weights are not written (Midjourney's `::` weights mean something else).
public struct MidjourneyDialect: Dialect {
    public let family = ModelFamily.midjourney

    public init() {}

    public func render(_ grid: PromptGrid) -> RenderedPrompt {
        let phrase = { (field: PromptGrid.Field) in RowText.phrase(grid[field], field: field) }
        let colors = grid.light.qualifier.trimmed
        let lightPhrase = colors.isEmpty ? phrase(.light) : grid.light.value.trimmed
        let medium = grid.medium.isEmpty ? phrase(.what) : phrase(.medium)
        let what = grid.medium.isEmpty ? "" : phrase(.what)
        let phrases = [what, phrase(.who), phrase(.doing), phrase(.wearing), lightPhrase,
                       phrase(.composition), phrase(.style)] + grid.extraTags.flatMap(RowText.splitTags)
        let sections = [("Artistic Medium", medium), ("Time Period", phrase(.period)),
                        ("Emotion", phrase(.mood)), ("Colors", colors), ("Environment", phrase(.location))]
            .filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1)." }
        var parts: [String] = []
        let head = phrases.filter { !$0.isEmpty }.joined(separator: ", ")
        if !head.isEmpty { parts.append(head + ".") }
        parts += sections
        let exclusions = RowText.splitTags(grid.negative)
        if !exclusions.isEmpty { parts.append("--no " + exclusions.joined(separator: ", ")) }
        return RenderedPrompt(prompt: parts.joined(separator: " "), negative: nil)
    }
}
