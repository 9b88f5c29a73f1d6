/// Preset names double as file names: letters, digits, `-`, `_` and `.`, not starting with
/// `.`, at most 64 characters.
public enum PresetName {
    public static let maximumLength = 64

    public static func validate(_ name: String) throws {
        guard !name.isEmpty, name.count <= maximumLength, !name.hasPrefix("."),
              name.unicodeScalars.allSatisfy(isAllowed) else {
            throw PromptKitError.badPresetName(name)
        }
    }

    /// A valid name made from any text (an A1111 style name): other characters become `-`,
    /// repeats collapse, and the ends are trimmed. "⭐ Cinematic Photo" → "Cinematic-Photo".
    public static func sanitized(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let c = isAllowed(scalar) ? Character(scalar) : "-"
            if c == "-" && out.last == "-" { continue }
            out.append(c)
        }
        let trimmed = out.drop { $0 == "-" || $0 == "." }.reversed().drop { $0 == "-" }.reversed()
        let name = String(String(trimmed).prefix(maximumLength))
        return name.isEmpty ? "style" : name
    }

    private static func isAllowed(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "-" || s == "_" || s == "."
    }
}
