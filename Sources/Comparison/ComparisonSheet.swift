import Imaging

/// The comparison as one picture: the cells edge to edge (A1111's `images.image_grid`, no
/// margin), the X labels in a band above their columns and the Y labels in a band left of their
/// rows (`images.draw_grid_annotations`), black text on white drawn with `BitmapFont`.
public enum ComparisonSheet {
    /// Where everything goes, in pixels.
    public struct Geometry: Equatable, Sendable {
        /// Font pixels per glyph pixel.
        public var scale: Int
        public var cellWidth: Int
        public var cellHeight: Int
        public var columns: Int
        public var rows: Int
        /// Width of the Y label band (0 without a Y axis) and height of the X label band.
        public var left: Int
        public var top: Int
        /// Each X label's lines and each Y label's lines, wrapped to their bands.
        public var columnLines: [[String]]
        public var rowLines: [[String]]

        public var width: Int { left + columns * cellWidth }
        public var height: Int { top + rows * cellHeight }
        /// The top-left pixel of cell (`column`, `row`).
        public func cellOrigin(column: Int, row: Int) -> (x: Int, y: Int) {
            (left + column * cellWidth, top + row * cellHeight)
        }
        /// Glyph advance, padding round a label, and the gap between a label's lines.
        public var advance: Int { (BitmapFont.glyphWidth + 1) * scale }
        public var padding: Int { 4 * scale }
        public var lineGap: Int { 2 * scale }
        public var lineHeight: Int { BitmapFont.glyphHeight * scale }
        /// Height of `lines` lines of text.
        func textHeight(_ lines: Int) -> Int { lines * lineHeight + max(0, lines - 1) * lineGap }
        /// Width of `text` in pixels (no spacing after the last glyph).
        func textWidth(_ text: String) -> Int { max(0, text.count * advance - scale) }
    }

    /// Most lines a label wraps to; the last is cut with `..`.
    public static let maximumLabelLines = 3

    /// The layout for cells of `cellWidth × cellHeight` with these labels (`rowLabels` nil or
    /// empty: one row, no Y band). The font scale grows with the cells: 1 up to 255 px, then one
    /// more per 256 px of the smaller side. X labels wrap at their column's width less padding;
    /// Y labels at the cell width (at least 12 characters).
    public static func geometry(cellWidth: Int, cellHeight: Int, columnLabels: [String], rowLabels: [String]?) -> Geometry {
        let scale = max(1, min(cellWidth, cellHeight) / 256 + (min(cellWidth, cellHeight) >= 256 ? 1 : 0))
        var g = Geometry(scale: scale, cellWidth: cellWidth, cellHeight: cellHeight, columns: columnLabels.count,
                         rows: max(1, rowLabels?.count ?? 1), left: 0, top: 0, columnLines: [], rowLines: [])
        let columnChars = max(1, (cellWidth - 2 * g.padding + scale) / g.advance)
        g.columnLines = columnLabels.map { wrap($0, width: columnChars) }
        g.top = 2 * g.padding + g.textHeight(g.columnLines.map(\.count).max() ?? 1)
        if let rowLabels, !rowLabels.isEmpty {
            let rowChars = max(12, (cellWidth + scale) / g.advance)
            g.rowLines = rowLabels.map { wrap($0, width: rowChars) }
            let widest = g.rowLines.flatMap { $0 }.map(g.textWidth).max() ?? 0
            g.left = 2 * g.padding + widest
        }
        return g
    }

    /// The sheet: `cells` row by row (each `cellWidth × cellHeight`, the first cell's size),
    /// labelled. A cell of another size is drawn from its top-left corner, cut or padded white.
    public static func compose(cells: [RGBImage], columnLabels: [String], rowLabels: [String]?) -> RGBImage {
        let first = cells.first ?? RGBImage(width: 1, height: 1, filledWith: .white)
        let g = geometry(cellWidth: first.width, cellHeight: first.height, columnLabels: columnLabels, rowLabels: rowLabels)
        var sheet = RGBImage(width: g.width, height: g.height, filledWith: .white)
        for (index, cell) in cells.enumerated() where index < g.columns * g.rows {
            let origin = g.cellOrigin(column: index % g.columns, row: index / g.columns)
            sheet.paste(cell, atX: origin.x, y: origin.y, maxWidth: g.cellWidth, maxHeight: g.cellHeight)
        }
        for (column, lines) in g.columnLines.enumerated() {
            let top = (g.top - g.textHeight(lines.count)) / 2
            for (i, line) in lines.enumerated() {
                let x = g.left + column * g.cellWidth + (g.cellWidth - g.textWidth(line)) / 2
                draw(line, on: &sheet, x: x, y: top + i * (g.lineHeight + g.lineGap), scale: g.scale)
            }
        }
        for (row, lines) in g.rowLines.enumerated() {
            let top = g.top + row * g.cellHeight + (g.cellHeight - g.textHeight(lines.count)) / 2
            for (i, line) in lines.enumerated() {
                let x = g.left - g.padding - g.textWidth(line)
                draw(line, on: &sheet, x: x, y: top + i * (g.lineHeight + g.lineGap), scale: g.scale)
            }
        }
        return sheet
    }

    /// `text` in lines of at most `width` characters, broken at spaces where it can be, at most
    /// `maximumLabelLines` of them (the last ending in `..` when text was left out). Characters
    /// the font lacks become `?`.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let drawable = String(text.map { BitmapFont.draws($0) ? $0 : "?" })
        var lines: [String] = []
        var current = ""
        for word in drawable.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            var word = word
            if current.isEmpty == false, current.count + 1 + word.count <= width {
                current += " " + word
                continue
            }
            if !current.isEmpty { lines.append(current); current = "" }
            while word.count > width {
                lines.append(String(word.prefix(width)))
                word = String(word.dropFirst(width))
            }
            current = word
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        guard lines.count > maximumLabelLines else { return lines }
        var kept = Array(lines.prefix(maximumLabelLines))
        let last = kept[maximumLabelLines - 1]
        kept[maximumLabelLines - 1] = String(last.prefix(max(0, width - 2))) + ".."
        return kept
    }

    /// Draws `text` in black with its top-left corner at (`x`, `y`), clipped to the image.
    static func draw(_ text: String, on image: inout RGBImage, x: Int, y: Int, scale: Int) {
        for (i, character) in text.enumerated() {
            let left = x + i * (BitmapFont.glyphWidth + 1) * scale
            for gx in 0..<BitmapFont.glyphWidth {
                for gy in 0..<BitmapFont.glyphHeight where BitmapFont.pixel(character, x: gx, y: gy) {
                    for dy in 0..<scale {
                        for dx in 0..<scale {
                            let px = left + gx * scale + dx, py = y + gy * scale + dy
                            if px >= 0, py >= 0, px < image.width, py < image.height { image[px, py] = .black }
                        }
                    }
                }
            }
        }
    }
}

extension RGBImage {
    /// Copies `source` with its top-left corner at (`x`, `y`), at most `maxWidth × maxHeight`
    /// of it, clipped to this image.
    mutating func paste(_ source: RGBImage, atX x: Int, y: Int, maxWidth: Int, maxHeight: Int) {
        let width = min(source.width, maxWidth, self.width - x)
        let height = min(source.height, maxHeight, self.height - y)
        guard width > 0, height > 0, x >= 0, y >= 0 else { return }
        var target = pixels
        source.pixels.withUnsafeBufferPointer { from in
            target.withUnsafeMutableBufferPointer { to in
                for row in 0..<height {
                    let s = row * source.width * 3, d = ((y + row) * self.width + x) * 3
                    for i in 0..<(width * 3) { to[d + i] = from[s + i] }
                }
            }
        }
        self = try! RGBImage(width: self.width, height: self.height, pixels: target)
    }
}
