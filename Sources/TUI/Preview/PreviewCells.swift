import Imaging
import TermImage
import TUICore

/// Draws a preview image as coloured Unicode symbols (chafa's canvas through `CellRenderer`) in
/// curses cells, centred in a rectangle at the image's aspect ratio. The cell grid is cached per
/// picture and size, so redraws for other reasons cost only the curses calls.
final class PreviewCells {
    private var cacheKey = ""
    private var cached = CellGrid.empty
    /// Width / height of one cell (0.5 for typical fonts); from the terminal when it says.
    var cellAspectRatio = 0.5

    func draw(_ preview: PreviewImage, in rect: Rect, canvas: CursesCanvas) {
        let fit = ImageFit.cells(imageWidth: preview.image.width, imageHeight: preview.image.height,
                                 maxColumns: rect.width, maxRows: rect.height, cellAspectRatio: cellAspectRatio)
        guard fit.columns > 0, fit.rows > 0 else { return }
        let colors: CellColorMode = canvas.palette.depth == .direct ? .truecolor : .indexed256
        let key = "\(preview.key) \(fit.columns)x\(fit.rows) \(colors)"
        if key != cacheKey {
            cached = CellRenderer.render(preview.image, columns: fit.columns, rows: fit.rows, symbols: .symbols, colors: colors)
            cacheKey = key
        }
        let x0 = rect.x + (rect.width - cached.columns) / 2
        let y0 = rect.y + (rect.height - cached.rows) / 2
        for row in 0..<cached.rows {
            for column in 0..<cached.columns {
                let cell = cached[column, row]
                let pair = canvas.palette.pair(foreground: colourNumber(cell.foreground, index: cell.foregroundIndex, canvas),
                                               background: colourNumber(cell.background, index: cell.backgroundIndex, canvas))
                canvas.setAttributes(0, pair: pair)
                _ = canvas.put(String(cell.character), x: x0 + column, y: y0 + row, limit: 1)
            }
        }
    }

    private func colourNumber(_ colour: RGBColor, index: UInt8?, _ canvas: CursesCanvas) -> Int {
        if canvas.palette.depth == .palette256, let index { return Int(index) }
        return canvas.palette.colourNumber(red: colour.red, green: colour.green, blue: colour.blue)
    }
}
