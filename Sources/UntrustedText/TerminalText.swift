/// Text from files and servers made safe to print or draw: control characters become visible
/// notation, so an ESC or BEL in a PNG's text or a grid value cannot retitle the window, write
/// the clipboard through OSC 52, move the cursor or hide output (issue 17, item 10).
///
/// - C0 controls and DEL become caret notation as `cat -v` writes it: ESC → `^[`, BEL → `^G`,
///   DEL → `^?`. Newline and tab stay when `keepingLineBreaks` (plain CLI output).
/// - C1 controls (U+0080–U+009F, which some terminals read as CSI, OSC, …), the line and
///   paragraph separators and the bidirectional overrides and isolates (which reorder what is
///   shown, Unicode TR #36 "Bidirectional Text Spoofing") become `<U+XXXX>`.
public enum TerminalText {
    public static func sanitized(_ text: String, keepingLineBreaks: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepingLineBreaks) else {
                out.append(scalar)
                continue
            }
            out.append(contentsOf: notation(scalar).unicodeScalars)
        }
        return String(out)
    }

    /// True for a scalar that must never reach a terminal raw (newline and tab included).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        needsEscape(scalar, false)
    }

    static func needsEscape(_ scalar: Unicode.Scalar, _ keepingLineBreaks: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: !keepingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    static func notation(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00...0x1F: "^" + String(Unicode.Scalar(UInt8(scalar.value + 0x40)))
        case 0x7F: "^?"
        default:
            "<U+" + String(repeating: "0", count: max(0, 4 - String(scalar.value, radix: 16).count))
                + String(scalar.value, radix: 16, uppercase: true) + ">"
        }
    }
}
