/// Input quoted in an error message, kept to one short line: a 1 MB tensor name or a
/// 10,000-column header must not become a 1 MB error line (issue 17, item 11). Control
/// characters are shown as `TerminalText` writes them.
public enum QuotedInput {
    /// The longest piece of input quoted, in characters.
    public static let maximumCharacters = 80

    /// `text` itself when short, else its first characters and how many more there were:
    /// `"aaaa…" (1048576 characters)`.
    public static func shortened(_ text: String, limit: Int = maximumCharacters) -> String {
        var count = 0
        var end = text.startIndex
        while end < text.endIndex, count < limit {
            text.formIndex(after: &end)
            count += 1
        }
        let safe = TerminalText.sanitized(String(text[..<end]), keepingLineBreaks: false)
        guard end < text.endIndex else { return safe }
        return "\(safe)… (\(text.count) characters)"
    }

    /// A list of items for a message: the first `limit` of them, then how many more.
    public static func list(_ items: [String], limit: Int = 10, separator: String = ", ") -> String {
        let shown = items.prefix(limit).map { shortened($0) }.joined(separator: separator)
        return items.count > limit ? "\(shown) and \(items.count - limit) more" : shown
    }
}
