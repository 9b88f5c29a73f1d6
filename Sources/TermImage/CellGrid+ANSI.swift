extension CellGrid {
    /// The grid as text for a terminal that understands ECMA-48 SGR colours: one line per row,
    /// separated by `\n`, each cell's colours set only when they change, and every line ending
    /// with `SGR 0` so nothing leaks past the picture. Truecolor uses `38;2;r;g;b` / `48;2;r;g;b`;
    /// indexed mode uses `38;5;n` / `48;5;n` (xterm's 256-colour extension).
    public func ansiText(colors: CellColorMode) -> String {
        var text = ""
        for row in 0..<rows {
            var current: (foreground: String, background: String)? = nil
            for column in 0..<columns {
                let cell = self[column, row]
                let colours = (foreground: sgr(cell, foreground: true, colors: colors),
                               background: sgr(cell, foreground: false, colors: colors))
                if current?.foreground != colours.foreground || current?.background != colours.background {
                    text += "\u{1B}[\(colours.foreground);\(colours.background)m"
                    current = colours
                }
                text.append(cell.character)
            }
            text += "\u{1B}[0m"
            if row < rows - 1 { text += "\n" }
        }
        return text
    }

    private func sgr(_ cell: TerminalCell, foreground: Bool, colors: CellColorMode) -> String {
        let color = foreground ? cell.foreground : cell.background
        let base = foreground ? 38 : 48
        if colors == .indexed256 {
            let index = (foreground ? cell.foregroundIndex : cell.backgroundIndex) ?? XTermPalette.nearestIndex(to: color)
            return "\(base);5;\(index)"
        }
        return "\(base);2;\(color.red);\(color.green);\(color.blue)"
    }
}
