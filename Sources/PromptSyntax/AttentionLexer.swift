/// One match of A1111's `re_attention` (`modules/prompt_parser.py`), tried in the regex's
/// order of alternatives:
/// `\( | \) | \[ | \] | \\ | \ | ( | [ | :\s*([+-]?[.\d]+)\s*) | ) | ] | [^\()[]:]+ | :`
struct AttentionToken: Equatable {
    enum Kind: Equatable {
        /// A backslash and what it escapes (`\(`, `\)`, `\[`, `\]`, `\\`), or a lone backslash.
        case escape
        case openRound
        case openSquare
        /// `:1.4)`: an explicit weight closing a round bracket; `weight` is the captured number.
        case weightedClose(weight: String)
        case closeRound
        case closeSquare
        case text
        case colon
    }

    var kind: Kind
    /// The whole match (`m.group(0)`).
    var text: String
}

/// Splits a prompt into `re_attention` matches. Every code point is covered by some
/// alternative, so `finditer` never skips input.
struct AttentionLexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    mutating func next() -> AttentionToken? {
        guard position < scalars.count else { return nil }
        let start = position
        let kind: AttentionToken.Kind
        switch scalars[position] {
        case "\\":
            let following = position + 1 < scalars.count ? scalars[position + 1] : nil
            if let following, Self.isEscapable(following) {
                position += 2
            } else {
                position += 1
            }
            kind = .escape
        case "(": position += 1; kind = .openRound
        case "[": position += 1; kind = .openSquare
        case ":":
            if let (end, weight) = matchWeightedClose(at: position) {
                position = end
                kind = .weightedClose(weight: weight)
            } else {
                position += 1
                kind = .colon
            }
        case ")": position += 1; kind = .closeRound
        case "]": position += 1; kind = .closeSquare
        default:
            while position < scalars.count, !Self.isSyntax(scalars[position]) {
                position += 1
            }
            kind = .text
        }
        return AttentionToken(kind: kind, text: String(scalars: scalars[start..<position]))
    }

    /// `:\s*([+-]?[.\d]+)\s*\)` at `start`; the character sets are disjoint, so greedy
    /// matching without backtracking finds the same match as Python's regex engine.
    private func matchWeightedClose(at start: Int) -> (end: Int, weight: String)? {
        var i = start + 1
        while i < scalars.count, PythonCharacterClass.isSpace(scalars[i]) { i += 1 }
        let numberStart = i
        if i < scalars.count, scalars[i] == "+" || scalars[i] == "-" { i += 1 }
        let digitsStart = i
        while i < scalars.count, scalars[i] == "." || PythonCharacterClass.isDecimalDigit(scalars[i]) { i += 1 }
        guard i > digitsStart else { return nil }
        let numberEnd = i
        while i < scalars.count, PythonCharacterClass.isSpace(scalars[i]) { i += 1 }
        guard i < scalars.count, scalars[i] == ")" else { return nil }
        return (i + 1, String(scalars: scalars[numberStart..<numberEnd]))
    }

    /// The characters `[^\\()\[\]:]+` stops at.
    private static func isSyntax(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\\", "(", ")", "[", "]", ":": return true
        default: return false
        }
    }

    private static func isEscapable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\\", "(", ")", "[", "]": return true
        default: return false
        }
    }
}
