import Foundation

/// CLIP's text clean-up and word splitting, as transformers' `CLIPTokenizer` does it (the
/// tokenizers-backed one; `convert_slow_tokenizer.CLIPConverter`):
///
/// 1. the special tokens `<|startoftext|>` / `<|endoftext|>` are cut out first, exactly as
///    written;
/// 2. the rest is NFC-normalised, every run of whitespace becomes one space, and it is
///    lower-cased character by character;
/// 3. words are the matches of `'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+`, tried
///    in that order; whitespace between them is dropped.
///
/// HTML entities are not unescaped (`&amp;` stays three pieces), and CJK ideographs are not
/// split apart: the reference ids in `tokenizer-cases.json` show both.
enum CLIPPreTokenizer {
    enum Piece: Equatable {
        case word(String)
        case special(String)
    }

    static func pieces(of text: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let (range, special) = firstSpecialToken(in: rest) {
            appendWords(of: rest[..<range.lowerBound], to: &pieces)
            pieces.append(.special(special))
            rest = rest[range.upperBound...]
        }
        appendWords(of: rest, to: &pieces)
        return pieces
    }

    private static func firstSpecialToken(in text: Substring) -> (Range<Substring.Index>, String)? {
        guard text.contains("<|") else { return nil }
        let candidates = [CLIPVocabulary.startOfText, CLIPVocabulary.endOfText].compactMap { token in
            text.range(of: token).map { ($0, token) }
        }
        return candidates.min { $0.0.lowerBound < $1.0.lowerBound }
    }

    private static func appendWords(of text: Substring, to pieces: inout [Piece]) {
        let scalars = normalized(text)
        var i = 0
        while i < scalars.count {
            let start = i
            let scalar = scalars[i]
            if scalar == " " {
                i += 1
                continue
            }
            if scalar == "'", let length = contractionLength(scalars, at: i) {
                i += length
            } else if isLetter(scalar) {
                while i < scalars.count, isLetter(scalars[i]) { i += 1 }
            } else if isNumber(scalar) {
                i += 1
            } else {
                while i < scalars.count, scalars[i] != " ", !isLetter(scalars[i]), !isNumber(scalars[i]) { i += 1 }
            }
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[start..<i])
            pieces.append(.word(String(word)))
        }
    }

    /// NFC, whitespace runs → one space, per-character lower case (tokenizers' `NFC`,
    /// `Replace(\s+, " ")`, `Lowercase` normalizers).
    static func normalized(_ text: Substring) -> [Unicode.Scalar] {
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        let composed = isASCII ? String(text) : String(text).precomposedStringWithCanonicalMapping
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(composed.unicodeScalars.count)
        var inWhitespace = false
        for scalar in composed.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !inWhitespace { result.append(" ") }
                inWhitespace = true
                continue
            }
            inWhitespace = false
            if scalar.isASCII {
                result.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
            } else if scalar.properties.changesWhenLowercased {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return result
    }

    /// `'s|'t|'re|'ve|'m|'ll|'d` at `index` (which holds the apostrophe).
    private static func contractionLength(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        func at(_ offset: Int) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }
        switch at(1) {
        case "s", "t", "m", "d": return 2
        case "r" where at(2) == "e", "v" where at(2) == "e": return 3
        case "l" where at(2) == "l": return 3
        default: return nil
        }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    private static func isNumber(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("0"..."9").contains(scalar) }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }
}
