import Imaging
import TermImage
import XCTest

/// Cells → bytes. Expected strings are written out from ECMA-48 SGR and xterm's 38;2 / 38;5 forms.
final class CellGridANSITests: XCTestCase {
    private let red = RGBColor(red: 255, green: 0, blue: 0)
    private let blue = RGBColor(red: 0, green: 0, blue: 255)

    func testTruecolorRowsOnlyChangeColoursWhenNeeded() {
        let a = TerminalCell(character: "▀", foreground: red, background: blue)
        let b = TerminalCell(character: "▀", foreground: blue, background: red)
        let grid = CellGrid(columns: 3, rows: 2, cells: [a, a, b, b, b, b])
        XCTAssertEqual(grid.ansiText(colors: .truecolor),
                       "\u{1B}[38;2;255;0;0;48;2;0;0;255m▀▀\u{1B}[38;2;0;0;255;48;2;255;0;0m▀\u{1B}[0m\n"
                       + "\u{1B}[38;2;0;0;255;48;2;255;0;0m▀▀▀\u{1B}[0m")
    }

    func testIndexedUsesPaletteNumbers() {
        let cell = TerminalCell(character: "▄", foreground: red, background: blue, foregroundIndex: 196, backgroundIndex: 21)
        XCTAssertEqual(CellGrid(columns: 1, rows: 1, cells: [cell]).ansiText(colors: .indexed256),
                       "\u{1B}[38;5;196;48;5;21m▄\u{1B}[0m")
        // Without indices (a truecolor grid printed for a 256-colour terminal) the nearest entry is used.
        let plain = TerminalCell(character: " ", foreground: red, background: blue)
        XCTAssertEqual(CellGrid(columns: 1, rows: 1, cells: [plain]).ansiText(colors: .indexed256),
                       "\u{1B}[38;5;196;48;5;21m \u{1B}[0m")
    }

    func testEmptyGridIsEmptyText() {
        XCTAssertEqual(CellGrid.empty.ansiText(colors: .truecolor), "")
    }
}
