import Foundation

/// The comma-separated tag dialects (SD 1.5, SDXL, Pony): rows in table order as tags, then
/// the extra tags, with the family's quality tags before or after and its default negative
/// before the grid's own. A row with a weight becomes one A1111 emphasis group
/// `(tag, tag:1.2)`. Repeated tags (ignoring case) are written once.
public struct TagDialect: Dialect {
    public let family: ModelFamily
    /// Tags put before the grid's tags.
    public let prefix: [String]
    /// Tags put after the grid's tags.
    public let suffix: [String]
    /// Tags put before the grid's negative prompt.
    public let defaultNegative: [String]

    public func render(_ grid: PromptGrid) -> RenderedPrompt {
        var tags = prefix
        for (_, row) in grid.filledRows {
            tags += Self.emphasized(RowText.tags(row), weight: row.weight)
        }
        tags += grid.extraTags.flatMap(RowText.splitTags)
        tags += suffix
        let negative = Self.unique(defaultNegative + RowText.splitTags(grid.negative))
        return RenderedPrompt(prompt: Self.unique(tags).joined(separator: ", "),
                              negative: negative.isEmpty ? nil : negative.joined(separator: ", "))
    }

    /// `["a", "b"]` at weight 1.2 → `["(a, b:1.2)"]`; no weight or 1 leaves the tags alone.
    static func emphasized(_ tags: [String], weight: Double?) -> [String] {
        guard let weight, weight != 1, !tags.isEmpty else { return tags }
        return ["(\(tags.joined(separator: ", ")):\(formatWeight(weight)))"]
    }

    /// Shortest decimal for a weight: 1.2 → "1.2", 2 → "2".
    static func formatWeight(_ w: Double) -> String {
        w == w.rounded() && abs(w) < 1e9 ? String(Int(w)) : String(w)
    }

    static func unique(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.filter { seen.insert($0.lowercased()).inserted }
    }
}
