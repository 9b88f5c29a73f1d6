/// Shortening a status message to a width without losing what matters: a path is cut in its
/// middle ("/home/me/…/2026-12-03/00012-7-red-heart.png"), so its file name always shows; only
/// when that is not enough is the end cut with "…".
public enum TextShorten {
    public static func fit(_ text: String, cells: Int) -> String {
        guard cells > 0 else { return "" }
        if CellWidth.of(text) <= cells { return text }
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        // The longest word holding a "/" is the path to shorten.
        if let index = words.indices.filter({ words[$0].contains("/") }).max(by: { words[$0].count < words[$1].count }) {
            let others = words.enumerated().filter { $0.offset != index }.map { CellWidth.of($0.element) }.reduce(0, +)
                + words.count - 1
            let room = cells - others
            if room >= 8 {
                var shortened = words
                shortened[index] = middle(words[index], cells: room)
                return shortened.joined(separator: " ")
            }
        }
        return CellWidth.fit(text, cells: cells)
    }

    /// `path` in at most `cells`: its start, "…", and as much of its end as fits (at least the
    /// last component when it fits at all).
    public static func middle(_ path: String, cells: Int) -> String {
        let characters = Array(path)
        guard CellWidth.of(path) > cells, cells >= 2 else { return CellWidth.fit(path, cells: cells) }
        let budget = cells - 1
        let last = path.split(separator: "/").last.map(String.init) ?? path
        let headMin = min(12, budget / 3)
        let tailCells = min(budget - headMin, max(CellWidth.of(last) + 1, budget * 2 / 3))
        var tail: [Character] = []
        var used = 0
        for c in characters.reversed() {
            let w = CellWidth.of(String(c))
            if used + w > tailCells { break }
            tail.insert(c, at: 0)
            used += w
        }
        let head = CellWidth.prefix(String(characters.prefix(characters.count - tail.count)), fitting: budget - used)
        return head + "…" + String(tail)
    }
}
