/// The `BREAK` keyword: A1111's `re_break = \s*\bBREAK\b\s*` (`modules/prompt_parser.py`).
enum BreakKeyword {
    private static let keyword: [Unicode.Scalar] = Array("BREAK".unicodeScalars)

    /// `re.split(re_break, text)`: the pieces of `text` between `BREAK` keywords, with the
    /// whitespace around each keyword removed. Linear time: a whitespace run can only start a
    /// match if the keyword follows the whole run, so each run is checked once.
    static func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var pieces: [String] = []
        var pieceStart = 0
        var i = 0
        while i < scalars.count {
            var keywordAt = i
            if PythonCharacterClass.isSpace(scalars[i]) {
                while keywordAt < scalars.count, PythonCharacterClass.isSpace(scalars[keywordAt]) { keywordAt += 1 }
            }
            guard isKeyword(scalars, at: keywordAt) else {
                i = keywordAt > i ? keywordAt : i + 1
                continue
            }
            var end = keywordAt + keyword.count
            while end < scalars.count, PythonCharacterClass.isSpace(scalars[end]) { end += 1 }
            pieces.append(String(scalars: scalars[pieceStart..<i]))
            pieceStart = end
            i = end
        }
        pieces.append(String(scalars: scalars[pieceStart...]))
        return pieces
    }

    /// `\bBREAK\b` at `index`: the keyword, not preceded or followed by a word character.
    private static func isKeyword(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + keyword.count <= scalars.count,
              scalars[index..<(index + keyword.count)].elementsEqual(keyword) else { return false }
        if index > 0, PythonCharacterClass.isWordCharacter(scalars[index - 1]) { return false }
        let after = index + keyword.count
        if after < scalars.count, PythonCharacterClass.isWordCharacter(scalars[after]) { return false }
        return true
    }
}
