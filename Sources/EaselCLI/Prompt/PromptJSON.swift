import PromptSyntax
import RenderSettings
import UntrustedText

/// JSON text for the `easel prompt parse|schedule|tokens` output, laid out like Python's
/// `json.dumps(…, ensure_ascii=False)`: `, ` between items, non-ASCII text kept as is, and
/// floats as Python prints them (the shortest decimal that reads back as the same number).
enum PromptJSON {
    /// `json.dumps(text, ensure_ascii=False)`, except that the characters `TerminalText` would
    /// rewrite (DEL, C1 controls, bidirectional overrides) are written as `\uXXXX`: the same
    /// JSON value, and nothing raw reaches the terminal.
    static func string(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in InfotextQuoting.jsonString(text).unicodeScalars {
            if TerminalText.sanitized(String(scalar)) == String(scalar) {
                out.append(scalar)
            } else {
                let hex = String(scalar.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            }
        }
        return String(out)
    }

    /// A float as Python's `json.dumps` writes it (`Infinity` and `NaN` for the values JSON
    /// lacks, as Python does).
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return PythonFloat.repr(value)
    }

    static func array(_ items: [String]) -> String {
        "[" + items.joined(separator: ", ") + "]"
    }

    static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { string($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    /// A1111's list form of the attention parse: `[["text", weight], …]`; the BREAK marker's
    /// weight is the integer `-1`, as A1111 writes it.
    static func spans(_ spans: [WeightedSpan]) -> String {
        array(spans.map { array([string($0.text), $0.isBreak ? "-1" : number($0.weight)]) })
    }

    /// `[[end_step, "text"], …]`.
    static func schedule(_ entries: [ScheduledPrompt]) -> String {
        array(entries.map { array([String($0.endStep), string($0.text)]) })
    }
}
