import Imaging

/// Image → cells, the way the UI should call it: chafa's canvas when it works, otherwise the
/// pure-Swift ``HalfBlockRenderer``. Never fails; an empty image or size gives an empty grid.
public enum CellRenderer {
    public static func render(_ image: RGBImage, columns: Int, rows: Int,
                              symbols: SymbolSet = .symbols, colors: CellColorMode = .truecolor) -> CellGrid {
        if let grid = try? ChafaCellRenderer.render(image, columns: columns, rows: rows, symbols: symbols, colors: colors) {
            return grid
        }
        return HalfBlockRenderer.render(image, columns: min(columns, ChafaCellRenderer.maximumCells),
                                        rows: min(rows, ChafaCellRenderer.maximumCells), colors: colors)
    }
}
