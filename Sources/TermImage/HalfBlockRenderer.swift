import Imaging

/// Pure-Swift half-block art, used when chafa is unavailable and as the reference for the cell
/// contract: the image is area-averaged to `columns × 2·rows` pixels, and each cell shows its
/// upper pixel as the foreground of `▀` (U+2580 UPPER HALF BLOCK) and its lower pixel as the
/// background.
public enum HalfBlockRenderer {
    /// The upper-half-block glyph.
    public static let upperHalfBlock: Character = "\u{2580}"

    public static func render(_ image: RGBImage, columns: Int, rows: Int,
                              colors: CellColorMode = .truecolor) -> CellGrid {
        guard columns > 0, rows > 0, !image.isEmpty else { return .empty }
        let pixels = image.resampled(width: columns, height: rows * 2)
        var cells: [TerminalCell] = []
        cells.reserveCapacity(columns * rows)
        for row in 0..<rows {
            for column in 0..<columns {
                cells.append(cell(upper: pixels[column, 2 * row], lower: pixels[column, 2 * row + 1], colors: colors))
            }
        }
        return CellGrid(columns: columns, rows: rows, cells: cells)
    }

    private static func cell(upper: RGBColor, lower: RGBColor, colors: CellColorMode) -> TerminalCell {
        switch colors {
        case .truecolor:
            return TerminalCell(character: upperHalfBlock, foreground: upper, background: lower)
        case .indexed256:
            let upperIndex = XTermPalette.nearestIndex(to: upper)
            let lowerIndex = XTermPalette.nearestIndex(to: lower)
            return TerminalCell(character: upperHalfBlock,
                                foreground: XTermPalette.color(ofIndex: upperIndex) ?? upper,
                                background: XTermPalette.color(ofIndex: lowerIndex) ?? lower,
                                foregroundIndex: upperIndex, backgroundIndex: lowerIndex)
        }
    }
}
