/// Python's `float()` and `repr(float)`, so that weights read and print exactly as in A1111.
public enum PythonFloat {
    /// Reads a number the way Python's `float(s)` does for the strings A1111's regexes let
    /// through (`[+-]?[.\d]+`, lark's `SIGNED_NUMBER`): surrounding whitespace is ignored and
    /// decimal digits of any script count. Returns nil where Python raises `ValueError`
    /// (for example `"1.2.3"` or `"."`). Parsing is correctly rounded, as in CPython.
    public static func parse<S: StringProtocol>(_ text: S) -> Double? {
        var ascii = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let digit = PythonCharacterClass.asciiDigit(scalar) {
                ascii.append(digit)
            } else {
                ascii.append(scalar)
            }
        }
        let trimmed = String(ascii).trimmingPythonSpace()
        guard !trimmed.isEmpty, trimmed.unicodeScalars.allSatisfy(isNumberScalar) else { return nil }
        return Double(trimmed)
    }

    /// `repr(x)` in Python 3: the shortest decimal that reads back as the same Double, with
    /// Python's layout (`1.0`, `1.5730000000000004`, `1e-05`, `1e+16`, `inf`, `nan`).
    public static func repr(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        let sign = x.sign == .minus ? "-" : ""
        let (digits, decimalPoint) = shortestDigits(of: x.magnitude)
        if digits.isEmpty { return sign + "0.0" }
        return sign + layout(digits: digits, decimalPoint: decimalPoint)
    }

    /// The shortest round-trip digits of a finite, non-negative value, and the position of the
    /// decimal point relative to them (value = 0.d1d2d3… × 10^decimalPoint). Swift's
    /// `description` already produces the shortest round-trip digits; only the layout differs.
    private static func shortestDigits(of x: Double) -> (digits: [Character], decimalPoint: Int) {
        let text = x.description
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0]
        let integerLength = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
            ?? mantissa.count
        var digits = Array(mantissa.filter { $0 != "." })
        var decimalPoint = integerLength + exponent
        while let first = digits.first, first == "0" {
            digits.removeFirst()
            decimalPoint -= 1
        }
        while let last = digits.last, last == "0" { digits.removeLast() }
        return (digits, decimalPoint)
    }

    /// CPython `format_float_short` in mode 'r': scientific when the decimal point is at or
    /// before the 4th place after it, or more than 16 digits before it.
    private static func layout(digits: [Character], decimalPoint: Int) -> String {
        if decimalPoint <= -4 || decimalPoint > 16 {
            var text = String(digits[0])
            if digits.count > 1 { text += "." + String(digits[1...]) }
            let exponent = decimalPoint - 1
            let magnitude = String(abs(exponent))
            return text + "e" + (exponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" : "") + magnitude
        }
        if decimalPoint <= 0 {
            return "0." + String(repeating: "0", count: -decimalPoint) + String(digits)
        }
        if decimalPoint >= digits.count {
            return String(digits) + String(repeating: "0", count: decimalPoint - digits.count) + ".0"
        }
        return String(digits[..<decimalPoint]) + "." + String(digits[decimalPoint...])
    }

    private static func isNumberScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", ".", "+", "-", "e", "E": return true
        default: return false
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing Python whitespace (`str.strip()`).
    func trimmingPythonSpace() -> String {
        let scalars = Array(unicodeScalars)
        guard let first = scalars.firstIndex(where: { !PythonCharacterClass.isSpace($0) }),
              let last = scalars.lastIndex(where: { !PythonCharacterClass.isSpace($0) }) else { return "" }
        return String(scalars: scalars[first...last])
    }
}
