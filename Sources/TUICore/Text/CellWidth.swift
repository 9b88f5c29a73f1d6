/// How many terminal cells text occupies, the way ncursesw places it.
public enum CellWidth {
    /// 0, 1 or 2 cells for one scalar (see `CellWidthTable`).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }   // printable ASCII: the common case
        if contains(CellWidthTable.zeroWidth, v) { return 0 }
        if contains(CellWidthTable.doubleWidth, v) { return 2 }
        return 1
    }

    /// The cells of one grapheme cluster: the sum of its scalars' widths, because curses advances
    /// the cursor scalar by scalar (a combining mark adds 0, each wide scalar 2).
    public static func of(_ character: Character) -> Int {
        var total = 0
        for scalar in character.unicodeScalars { total += of(scalar) }
        return total
    }

    /// The cells of a whole string.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += of(scalar) }
        return total
    }

    /// The longest prefix of `text` that fits in `cells`, never splitting a grapheme cluster.
    public static func prefix<S: StringProtocol>(_ text: S, fitting cells: Int) -> String {
        var used = 0
        var out = ""
        for character in text {
            let w = of(character)
            if used + w > cells { break }
            used += w
            out.append(character)
        }
        return out
    }

    /// `text` cut to `cells` with a trailing "…" when it does not fit, padded with spaces to
    /// exactly `cells` when `pad` is set.
    public static func fit<S: StringProtocol>(_ text: S, cells: Int, pad: Bool = false) -> String {
        guard cells > 0 else { return "" }
        var out: String
        if of(text) <= cells {
            out = String(text)
        } else {
            out = prefix(text, fitting: cells - 1) + "…"
        }
        if pad {
            let w = of(out)
            if w < cells { out += String(repeating: " ", count: cells - w) }
        }
        return out
    }

    private static func contains(_ table: [(UInt32, UInt32)], _ v: UInt32) -> Bool {
        var lo = 0
        var hi = table.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if v < table[mid].0 { hi = mid - 1 } else if v > table[mid].1 { lo = mid + 1 } else { return true }
        }
        return false
    }
}
