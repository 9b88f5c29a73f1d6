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

    /// Largest weight written. A1111 weights past 2 or so already give noise; the clamp is
    /// there so the number is always plain decimal (issue 17, item 12: 1e308 was written
    /// `(a:1e+308)`, and A1111's attention grammar, `[+-]?[.\d]+`, reads an exponent as text).
    static let maximumWeight = 100.0

    /// Shortest plain decimal for a weight, clamped to 0 … `maximumWeight`: 1.2 → "1.2",
    /// 2 → "2", 1e308 → "100", 0.00001 → "0.00001"; never an exponent.
    static func formatWeight(_ weight: Double) -> String {
        plainDecimal(min(max(weight, 0), maximumWeight))
    }

    /// `w` (finite, |w| < 1e9) as the shortest plain decimal: no exponent.
    static func plainDecimal(_ w: Double) -> String {
        guard w.isFinite, abs(w) < 1e9 else { return String(w) }
        if w == w.rounded() { return String(Int(w)) }
        let shortest = String(w)
        guard shortest.contains("e") else { return shortest }
        // Below 1e-4 Swift writes an exponent: six decimals, trailing zeros dropped.
        var fixed = String(format: "%.6f", w)
        while fixed.hasSuffix("0") { fixed.removeLast() }
        return fixed.hasSuffix(".") ? String(fixed.dropLast()) : fixed
    }

    static func unique(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.filter { seen.insert($0.lowercased()).inserted }
    }
}
