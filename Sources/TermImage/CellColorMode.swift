/// How many colours the cells may use.
public enum CellColorMode: String, CaseIterable, Sendable {
    /// 24-bit colour (`SGR 38;2;r;g;b`), for terminals with `COLORTERM=truecolor`.
    case truecolor
    /// xterm's 256-colour palette, restricted to the 240 entries 16–255 whose colours are fixed
    /// (entries 0–15 differ between terminals and themes). This is what `chafa -c 256` uses
    /// (`CHAFA_CANVAS_MODE_INDEXED_240`).
    case indexed256
}
