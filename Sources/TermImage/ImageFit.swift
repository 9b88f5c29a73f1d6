/// Sizes that show a whole image inside a box without distorting it.
public enum ImageFit {
    /// The largest `columns × rows` within `maxColumns × maxRows` showing a `width × height` image
    /// at its aspect ratio, for cells `cellAspectRatio` = cell width / cell height wide
    /// (0.5 for typical fonts, which is what makes a half-block cell hold two square pixels).
    /// Never below 1×1 when the box and image are non-empty; 0×0 otherwise.
    public static func cells(imageWidth: Int, imageHeight: Int, maxColumns: Int, maxRows: Int,
                             cellAspectRatio: Double = 0.5) -> (columns: Int, rows: Int) {
        guard imageWidth > 0, imageHeight > 0, maxColumns > 0, maxRows > 0, cellAspectRatio > 0 else { return (0, 0) }
        // Image height measured in cells when it is `maxColumns` cells wide.
        let aspect = Double(imageHeight) / Double(imageWidth) * cellAspectRatio
        let rowsAtFullWidth = Double(maxColumns) * aspect
        if rowsAtFullWidth <= Double(maxRows) {
            return (maxColumns, min(maxRows, max(1, Int(rowsAtFullWidth.rounded()))))
        }
        return (min(maxColumns, max(1, Int((Double(maxRows) / aspect).rounded()))), maxRows)
    }

    /// The largest `width × height` pixels within `maxWidth × maxHeight` at the image's aspect ratio.
    public static func pixels(imageWidth: Int, imageHeight: Int, maxWidth: Int, maxHeight: Int) -> (width: Int, height: Int) {
        let fit = cells(imageWidth: imageWidth, imageHeight: imageHeight, maxColumns: maxWidth, maxRows: maxHeight,
                        cellAspectRatio: 1)
        return (fit.columns, fit.rows)
    }
}
