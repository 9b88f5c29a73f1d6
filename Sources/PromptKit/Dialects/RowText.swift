import Foundation

/// How a grid row becomes text, shared by all dialects.
///
/// - A qualifier that already contains the value as a word replaces it ("church" |
///   "concrete catholic church" → "concrete catholic church").
/// - Otherwise the qualifier follows the value: as further tags in tag dialects, after a
///   comma in prose ("dress" | "white chiffon" → "dress, white chiffon"). `doing` joins
///   with a space, since its qualifier is usually an adverb ("dances strangely"), unless the
///   qualifier starts with an -ing word ("smiling, looking at viewer").
enum RowText {
    /// Value and qualifier as tags: the value, then the qualifier's comma-separated parts.
    static func tags(_ row: PromptGrid.Row) -> [String] {
        let value = row.value.trimmed
        let qualifierTags = splitTags(row.qualifier)
        if value.isEmpty || subsumes(row.qualifier, value) { return qualifierTags }
        return [value] + qualifierTags
    }

    /// Value and qualifier as one phrase for prose.
    static func phrase(_ row: PromptGrid.Row, field: PromptGrid.Field) -> String {
        let value = row.value.trimmed
        let qualifier = row.qualifier.trimmed
        if qualifier.isEmpty { return value }
        if value.isEmpty || subsumes(qualifier, value) { return qualifier }
        let joinsWithSpace = field == .doing && !EnglishPhrase.startsWithParticiple(qualifier)
        return joinsWithSpace ? "\(value) \(qualifier)" : "\(value), \(qualifier)"
    }

    /// Comma-separated parts, trimmed, empty ones dropped. Commas inside an A1111 emphasis
    /// group — `(a, b:1.2)` or `[a, b]` — do not split it; escaped brackets `\(` do not nest.
    static func splitTags(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var escaped = false
        for ch in text {
            defer { escaped = !escaped && ch == "\\" }
            if !escaped {
                if ch == "(" || ch == "[" { depth += 1 }
                if (ch == ")" || ch == "]") && depth > 0 { depth -= 1 }
                if ch == "," && depth == 0 { parts.append(current); current = ""; continue }
            }
            current.append(ch)
        }
        parts.append(current)
        return parts.map(\.trimmed).filter { !$0.isEmpty }
    }

    /// True when `qualifier` contains `value` as whole words ("concrete catholic church"
    /// contains "church"), ignoring case.
    static func subsumes(_ qualifier: String, _ value: String) -> Bool {
        let q = words(qualifier)
        let v = words(value)
        guard !v.isEmpty, v.count <= q.count else { return false }
        return (0...(q.count - v.count)).contains { Array(q[$0..<($0 + v.count)]) == v }
    }

    private static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "-" }.map(String.init)
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
