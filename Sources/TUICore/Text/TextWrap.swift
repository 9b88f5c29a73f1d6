/// Word wrapping by terminal cells.
public enum TextWrap {
    /// `text` broken into lines of at most `width` cells: at spaces where possible, inside a word
    /// only when the word alone is wider than a line. Line breaks in the text are kept.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var piece = String(word)
                var pieceWidth = CellWidth.of(piece)
                if lineWidth > 0 && lineWidth + 1 + pieceWidth <= width {
                    line += " " + piece
                    lineWidth += 1 + pieceWidth
                    continue
                }
                if lineWidth > 0 {
                    out.append(line)
                    line = ""
                    lineWidth = 0
                }
                while pieceWidth > width {
                    let head = CellWidth.prefix(piece, fitting: width)
                    guard !head.isEmpty else { break }   // a character wider than the line
                    out.append(head)
                    piece = String(piece.dropFirst(head.count))
                    pieceWidth = CellWidth.of(piece)
                }
                line = piece
                lineWidth = pieceWidth
            }
            out.append(line)
        }
        return out
    }
}
