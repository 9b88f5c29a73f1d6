/// A1111's quoting of infotext values.
///
/// Reference: A1111 `modules/infotext_utils.py` (formerly `generation_parameters_copypaste.py`):
/// `quote(text)` returns the text unchanged unless it contains `,`, `\n` or `:`, in which case
/// it returns `json.dumps(text, ensure_ascii=False)`; `unquote(text)` json-loads a value that
/// starts and ends with `"` and keeps the text as it is when that fails.
public enum InfotextQuoting {
    static func quote(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\n" || $0 == ":" }) else { return text }
        return jsonString(text)
    }

    static func unquote(_ text: String) -> String {
        guard text.count >= 2, text.first == "\"", text.last == "\"" else { return text }
        return decodeJSONString(text) ?? text
    }

    /// Python's `json.dumps(s, ensure_ascii=False)`: escapes `"` `\` and the C0 controls
    /// (`\n` `\r` `\t` `\b` `\f` by name, the rest as lower-case `\u00xx`); nothing else.
    public static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Decodes one JSON string literal (with its quotes); `nil` when it is not valid JSON.
    static func decodeJSONString(_ literal: String) -> String? {
        var scalars = Array(literal.unicodeScalars)
        guard scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" else { return nil }
        scalars = Array(scalars[1..<(scalars.count - 1)])
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            i += 1
            if c == "\"" || c.value < 0x20 { return nil }
            guard c == "\\" else { out.append(c); continue }
            guard i < scalars.count else { return nil }
            let e = scalars[i]
            i += 1
            switch e {
            case "\"": out.append("\"")
            case "\\": out.append("\\")
            case "/": out.append("/")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "u":
                guard let unit = hex4(scalars, at: i) else { return nil }
                i += 4
                if (0xD800...0xDBFF).contains(unit) {
                    guard i + 1 < scalars.count, scalars[i] == "\\", scalars[i + 1] == "u",
                          let low = hex4(scalars, at: i + 2), (0xDC00...0xDFFF).contains(low) else { return nil }
                    i += 6
                    let value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    guard let s = Unicode.Scalar(value) else { return nil }
                    out.append(s)
                } else {
                    guard let s = Unicode.Scalar(unit) else { return nil }
                    out.append(s)
                }
            default: return nil
            }
        }
        return String(out)
    }

    private static func hex4(_ scalars: [Unicode.Scalar], at index: Int) -> UInt32? {
        guard index + 4 <= scalars.count else { return nil }
        var value: UInt32 = 0
        for s in scalars[index..<(index + 4)] {
            guard let digit = Character(s).hexDigitValue else { return nil }
            value = value * 16 + UInt32(digit)
        }
        return value
    }
}
