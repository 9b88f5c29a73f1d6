import Imaging
import TermImage
import XCTest

/// chafa's canvas, checked against colours known from the input (its glyph choice between ▀ and
/// ▄ is chafa's; the colours of each half are not).
final class ChafaCellRendererTests: XCTestCase {
    /// Same contract as the half-block fallback: with half blocks only, each half cell shows
    /// exactly its own pixel (the image is pre-scaled to 8×8 pixels per cell, so flat areas
    /// stay flat).
    func testHalfBlocksMatchThePixels() throws {
        let grid = try ChafaCellRenderer.render(try TestImages.twoByFour(), columns: 2, rows: 2, symbols: .halfBlocks)
        let expected: [[RGBColor]] = [[TestImages.red, TestImages.blue], [TestImages.green, .white],
                                      [.black, TestImages.navy], [TestImages.yellow, TestImages.rust]]
        for (index, cell) in grid.cells.enumerated() {
            let halves = try XCTUnwrap(TestImages.halves(of: cell), "cell \(index) is \(cell.character)")
            XCTAssertEqual([halves.upper, halves.lower], expected[index], "cell \(index)")
            XCTAssertNil(cell.foregroundIndex)
        }
    }

    /// In 240-colour mode the pure cube colours map to their own entries (16 + 36r + 6g + b):
    /// red 196, blue 21, green 46, white 231, black 16, yellow 226.
    func testIndexedModeUsesXTermCubeEntries() throws {
        let grid = try ChafaCellRenderer.render(try TestImages.twoByFour(), columns: 2, rows: 2,
                                                symbols: .halfBlocks, colors: .indexed256)
        let expected: [(cell: Int, upper: UInt8, lower: UInt8)] = [(0, 196, 21), (1, 46, 231)]
        for (cell, upper, lower) in expected {
            let halves = try XCTUnwrap(TestImages.halfIndices(of: grid.cells[cell]))
            XCTAssertEqual([halves.upper, halves.lower], [upper, lower], "cell \(cell)")
        }
        XCTAssertEqual(TestImages.halfIndices(of: grid.cells[2])?.upper, 16, "black above navy")
        XCTAssertEqual(grid[0, 0].foreground, XTermPalette.color(ofIndex: grid[0, 0].foregroundIndex!))
    }

    /// A solid image: every cell shows only that colour, whatever glyph chafa picks.
    func testSolidColourImage() throws {
        let teal = RGBColor(red: 18, green: 140, blue: 222)
        for symbols in SymbolSet.allCases {
            let grid = try ChafaCellRenderer.render(RGBImage(width: 40, height: 30, filledWith: teal),
                                                    columns: 12, rows: 5, symbols: symbols)
            XCTAssertEqual(grid.cells.count, 60)
            for cell in grid.cells {
                switch cell.character {
                case " ": XCTAssertEqual(cell.background, teal, "\(symbols)")
                case "█": XCTAssertEqual(cell.foreground, teal, "\(symbols)")
                default: XCTAssertEqual([cell.foreground, cell.background], [teal, teal], "\(symbols) \(cell.character)")
                }
            }
        }
    }

    /// A large image is scaled down to the grid, not drawn at full size and not a crash.
    func testLargeImageIsScaled() throws {
        var image = RGBImage(width: 1600, height: 1200, filledWith: TestImages.blue)
        for y in 0..<600 { for x in 0..<1600 { image[x, y] = TestImages.yellow } }   // top half yellow
        let grid = try ChafaCellRenderer.render(image, columns: 80, rows: 24, symbols: .symbols)
        XCTAssertEqual(grid.columns, 80)
        XCTAssertEqual(grid.rows, 24)
        // Row 5 is wholly in the yellow half, row 18 wholly in the blue half.
        for column in 0..<80 {
            XCTAssertTrue([grid[column, 5].foreground, grid[column, 5].background].contains(TestImages.yellow))
            XCTAssertTrue([grid[column, 18].foreground, grid[column, 18].background].contains(TestImages.blue))
        }
    }

    func testOversizedGridIsRefusedAndTheFacadeFallsBack() throws {
        let image = try TestImages.twoByFour()
        XCTAssertThrowsError(try ChafaCellRenderer.render(image, columns: 5000, rows: 2))
        let grid = CellRenderer.render(image, columns: 5000, rows: 2)
        XCTAssertEqual(grid.columns, ChafaCellRenderer.maximumCells)   // fallback, clamped
        XCTAssertEqual(CellRenderer.render(image, columns: 2, rows: 2, symbols: .halfBlocks).rows, 2)
    }
}
