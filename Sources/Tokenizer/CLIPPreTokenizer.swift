/// Splits normalised text into words the way CLIP's pattern does:
/// `<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+`
/// (transformers `tokenization_clip.py`, `self.pat`, with the `regex` module, case-insensitive),
/// matched over Unicode scalars, leftmost alternative first.
enum CLIPPreTokenizer {
    private static let specials = ["<|startoftext|>", "<|endoftext|>"].map { Array($0.unicodeScalars) }
    private static let contractions = ["'s", "'t", "'re", "'ve", "'m", "'ll", "'d"].map { Array($0.unicodeScalars) }

    static func words(_ text: String) -> [String] {
        let s = Array(text.unicodeScalars)
        var words: [String] = []
        var i = 0
        while i < s.count {
            if let length = literalMatch(s, at: i, among: specials) ?? literalMatch(s, at: i, among: contractions) {
                words.append(string(s[i..<i + length])); i += length
            } else if isLetter(s[i]) {
                let start = i
                while i < s.count, isLetter(s[i]) { i += 1 }
                words.append(string(s[start..<i]))
            } else if isNumber(s[i]) {
                words.append(String(Character(s[i]))); i += 1
            } else if isSpace(s[i]) {
                i += 1
            } else {
                let start = i
                while i < s.count, !isSpace(s[i]), !isLetter(s[i]), !isNumber(s[i]) { i += 1 }
                words.append(string(s[start..<i]))
            }
        }
        return words
    }

    private static func literalMatch(_ s: [Unicode.Scalar], at i: Int, among literals: [[Unicode.Scalar]]) -> Int? {
        for literal in literals where i + literal.count <= s.count {
            var matches = true
            for (k, c) in literal.enumerated() where lowered(s[i + k]) != c { matches = false; break }
            if matches { return literal.count }
        }
        return nil
    }

    private static func lowered(_ s: Unicode.Scalar) -> Unicode.Scalar {
        s.properties.isUppercase ? (s.properties.lowercaseMapping.unicodeScalars.first ?? s) : s
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    static func isNumber(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    /// `\s` in the `regex` module: Unicode White_Space.
    static func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }
}
