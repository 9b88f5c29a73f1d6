/// A picture as terminal cells: `rows × columns` ``TerminalCell``s, row-major, top row first.
/// This is the terminal-independent half of drawing an image (chafa's "canvas"); turning it into
/// bytes for a particular terminal is a separate step (``CellGrid/ansiText(colors:)``, or curses).
public struct CellGrid: Hashable, Sendable {
    public let columns: Int
    public let rows: Int
    /// `rows · columns` cells, row-major.
    public private(set) var cells: [TerminalCell]

    /// A grid over existing cells; `cells.count` must equal `rows · columns`.
    public init(columns: Int, rows: Int, cells: [TerminalCell]) {
        precondition(columns >= 0 && rows >= 0 && cells.count == columns * rows,
                     "CellGrid needs \(columns)×\(rows) cells, got \(cells.count)")
        self.columns = columns
        self.rows = rows
        self.cells = cells
    }

    /// A grid with no cells.
    public static let empty = CellGrid(columns: 0, rows: 0, cells: [])

    public var isEmpty: Bool { cells.isEmpty }

    /// The cell at `column`, `row` (zero-based, row 0 at the top).
    public subscript(column: Int, row: Int) -> TerminalCell {
        get {
            precondition(column >= 0 && column < columns && row >= 0 && row < rows, "cell outside the grid")
            return cells[row * columns + column]
        }
        set {
            precondition(column >= 0 && column < columns && row >= 0 && row < rows, "cell outside the grid")
            cells[row * columns + column] = newValue
        }
    }
}
