import CChafa
import Imaging

/// Image → cells with chafa's canvas API (`chafa_canvas_new`, `chafa_canvas_draw_all_pixels`,
/// `chafa_canvas_get_char_at`, `chafa_canvas_get_colors_at` / `get_raw_colors_at`).
///
/// The image is first area-averaged (``RGBImage/resampled(width:height:)``) to exactly the
/// canvas's working resolution, 8×8 pixels per cell (chafa's `CHAFA_SYMBOL_WIDTH_PIXELS` /
/// `HEIGHT_PIXELS`), so chafa never rescales: flat regions keep their exact colours and the
/// result does not depend on chafa's scaler. chafa then picks each cell's glyph and colours.
public enum ChafaCellRenderer {
    /// chafa's working pixels per cell, in each direction.
    static let pixelsPerCell = 8
    /// Larger grids are refused (no terminal is this big).
    public static let maximumCells = 1000

    public static func render(_ image: RGBImage, columns: Int, rows: Int,
                              symbols: SymbolSet = .symbols, colors: CellColorMode = .truecolor) throws -> CellGrid {
        guard columns > 0, rows > 0, !image.isEmpty else { return .empty }
        guard columns <= maximumCells, rows <= maximumCells else {
            throw TermImageError("cell grid \(columns)×\(rows) is larger than \(maximumCells)×\(maximumCells)")
        }
        let working = image.resampled(width: columns * pixelsPerCell, height: rows * pixelsPerCell)

        guard let config = chafa_canvas_config_new() else { throw TermImageError("chafa could not create a canvas configuration") }
        defer { chafa_canvas_config_unref(config) }
        chafa_canvas_config_set_geometry(config, Int32(columns), Int32(rows))
        chafa_canvas_config_set_canvas_mode(config, colors == .truecolor ? CHAFA_CANVAS_MODE_TRUECOLOR : CHAFA_CANVAS_MODE_INDEXED_240)
        guard let symbolMap = symbols.makeChafaSymbolMap() else { throw TermImageError("chafa could not create a symbol map") }
        chafa_canvas_config_set_symbol_map(config, symbolMap)   // the config keeps its own copy
        chafa_symbol_map_unref(symbolMap)

        guard let canvas = chafa_canvas_new(config) else { throw TermImageError("chafa could not create a \(columns)×\(rows) canvas") }
        defer { chafa_canvas_unref(canvas) }
        working.pixels.withUnsafeBufferPointer { pixels in
            chafa_canvas_draw_all_pixels(canvas, CHAFA_PIXEL_RGB8, pixels.baseAddress,
                                         Int32(working.width), Int32(working.height), Int32(working.width * 3))
        }
        return readCells(canvas, columns: columns, rows: rows, indexed: colors == .indexed256)
    }

    private static func readCells(_ canvas: OpaquePointer, columns: Int, rows: Int, indexed: Bool) -> CellGrid {
        var cells: [TerminalCell] = []
        cells.reserveCapacity(columns * rows)
        for row in 0..<Int32(rows) {
            for column in 0..<Int32(columns) {
                let code = chafa_canvas_get_char_at(canvas, column, row)
                var foreground: Int32 = 0, background: Int32 = 0
                chafa_canvas_get_colors_at(canvas, column, row, &foreground, &background)
                var cell = TerminalCell(character: Character(Unicode.Scalar(code).flatMap { $0.value == 0 ? nil : $0 } ?? " "),
                                        foreground: rgb(foreground), background: rgb(background))
                if indexed {
                    var foregroundIndex: Int32 = -1, backgroundIndex: Int32 = -1
                    chafa_canvas_get_raw_colors_at(canvas, column, row, &foregroundIndex, &backgroundIndex)
                    cell.foregroundIndex = UInt8(exactly: foregroundIndex)
                    cell.backgroundIndex = UInt8(exactly: backgroundIndex)
                }
                cells.append(cell)
            }
        }
        return CellGrid(columns: columns, rows: rows, cells: cells)
    }

    /// chafa's packed `0xRRGGBB`; -1 (transparent, which opaque RGB input never produces) → black.
    private static func rgb(_ packed: Int32) -> RGBColor {
        packed < 0 ? .black : RGBColor(packed: UInt32(packed))
    }
}
