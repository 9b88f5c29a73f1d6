/// The character classes of Python's `re` module for `str` patterns, which A1111's prompt
/// parsers (`modules/prompt_parser.py`) and lark's terminals are written in. Python works on
/// Unicode code points, so every parser in this module walks `Unicode.Scalar`s, not
/// `Character`s (a `(` followed by a combining mark is still a `(` to Python).
enum PythonCharacterClass {
    /// `\s`: `str.isspace()`, which is Unicode White_Space plus the separators U+001C…U+001F.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if (0x1C...0x1F).contains(scalar.value) { return true }
        return scalar.properties.isWhitespace
    }

    /// `\d`: a decimal digit in any script (general category Nd).
    static func isDecimalDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .decimalNumber
    }

    /// `\w`: `str.isalnum()` or `_` (letters of any kind, and anything with a numeric value).
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return scalar.properties.numericType != nil
        }
    }

    /// The ASCII value of a decimal digit of any script, as Python's `float()` reads it.
    static func asciiDigit(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        guard isDecimalDigit(scalar), let value = scalar.properties.numericValue,
              value >= 0, value <= 9 else { return nil }
        return Unicode.Scalar(UInt8(48 + Int(value)))
    }
}

extension String {
    /// A string of the given code points.
    init<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        self.init(view)
    }
}
