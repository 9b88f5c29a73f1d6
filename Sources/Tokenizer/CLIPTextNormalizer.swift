import Foundation

/// Text clean-up before CLIP's pre-tokenizer, as transformers' `CLIPTokenizer` (5.x, the
/// `tokenizers` backend) does: NFC, every whitespace run → one space, lower-case
/// (transformers `convert_slow_tokenizer.py`, `CLIPConverter`: `NFC`, `Replace(\s+, " ")`,
/// `Lowercase`). HTML entities stay as they are and CJK text is not split apart; the
/// fixtures (`tokenizer-cases.json`) pin both.
enum CLIPTextNormalizer {
    static func normalize(_ text: String) -> String {
        let composed = text.precomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        var inSpace = false
        for scalar in composed.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !inSpace { out.append(" ") }
                inSpace = true
            } else {
                out.append(scalar)
                inSpace = false
            }
        }
        return String(out).lowercased()
    }
}
