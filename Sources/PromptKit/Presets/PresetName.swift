/// Preset names are what people call them, spelled as they like: "Cinematic {p}",
/// "Noir, classic", "⭐ Photo". Underneath, each is stored under a safe file name
/// (`fileName(for:)`): a name already made of letters, digits, `-`, `_` and `.` (not starting
/// with `.`) is its own file name, as before; any other gets its sanitized form plus a short
/// hash of the full name, so two names that sanitize alike never share a file.
public enum PresetName {
    public static let maximumLength = 100

    /// Any text but empty or blank, control characters, "/" and over `maximumLength` characters.
    public static func validate(_ name: String) throws {
        guard !name.allSatisfy(\.isWhitespace), name.count <= maximumLength,
              !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "/" }) else {
            throw PromptKitError.badPresetName(name)
        }
    }

    /// Whether `name` is its own file name (letters, digits, `-`, `_`, `.`; not starting with `.`).
    public static func isFileSafe(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && !name.hasPrefix(".") && name.unicodeScalars.allSatisfy(isAllowed)
    }

    /// The file name (without `.json`) a preset of this name is stored under.
    /// "Noir, classic" → "Noir-classic-6d1c4f2a".
    public static func fileName(for name: String) -> String {
        isFileSafe(name) ? name : sanitized(name) + "-" + hash(name)
    }

    /// A file-safe text made from any text: other characters become `-`, repeats collapse, and
    /// the ends are trimmed. "⭐ Cinematic Photo" → "Cinematic-Photo".
    public static func sanitized(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let c = isAllowed(scalar) ? Character(scalar) : "-"
            if c == "-" && out.last == "-" { continue }
            out.append(c)
        }
        let trimmed = out.drop { $0 == "-" || $0 == "." }.reversed().drop { $0 == "-" }.reversed()
        let name = String(String(trimmed).prefix(48))
        return name.isEmpty ? "style" : name
    }

    /// FNV-1a (32 bit) of the name's UTF-8, as 8 hex digits: stable across runs and platforms.
    static func hash(_ name: String) -> String {
        var h: UInt32 = 0x811C_9DC5
        for byte in name.utf8 { h = (h ^ UInt32(byte)) &* 0x0100_0193 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    private static func isAllowed(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "-" || s == "_" || s == "."
    }
}
