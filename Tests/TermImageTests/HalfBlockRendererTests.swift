import Imaging
import TermImage
import XCTest

/// The pure-Swift renderer, checked against cells worked out by hand from the pixels.
final class HalfBlockRendererTests: XCTestCase {
    /// At 2×2 cells each cell holds exactly one pixel above another: cell (c, r) shows pixel
    /// (c, 2r) as the foreground of ▀ and pixel (c, 2r+1) as the background.
    func testOnePixelPerHalfCell() throws {
        let grid = HalfBlockRenderer.render(try TestImages.twoByFour(), columns: 2, rows: 2)
        XCTAssertEqual(grid.columns, 2)
        XCTAssertEqual(grid.rows, 2)
        let expected: [(column: Int, row: Int, upper: RGBColor, lower: RGBColor)] = [
            (0, 0, TestImages.red, TestImages.blue), (1, 0, TestImages.green, .white),
            (0, 1, .black, TestImages.navy), (1, 1, TestImages.yellow, TestImages.rust),
        ]
        for cell in expected {
            XCTAssertEqual(grid[cell.column, cell.row],
                           TerminalCell(character: "▀", foreground: cell.upper, background: cell.lower))
        }
    }

    /// 1×1 cell: the upper half averages rows 0–1, the lower half rows 2–3 (both columns).
    /// Upper: red, green, blue, white → ((255+0+0+255)/4, (0+255+0+255)/4, (0+0+255+255)/4)
    /// = (127.5, 127.5, 127.5) → 128 each. Lower: black, yellow, navy, rust →
    /// ((0+255+10+200)/4, (0+255+20+100)/4, (0+0+30+50)/4) = (116.25, 93.75, 20) → (116, 94, 20).
    func testDownscalingAveragesEachHalf() throws {
        let grid = HalfBlockRenderer.render(try TestImages.twoByFour(), columns: 1, rows: 1)
        XCTAssertEqual(grid[0, 0].foreground, RGBColor(red: 128, green: 128, blue: 128))
        XCTAssertEqual(grid[0, 0].background, RGBColor(red: 116, green: 94, blue: 20))
    }

    /// 256 colours: xterm cube index = 16 + 36r + 6g + b over levels (0, 95, 135, 175, 215, 255):
    /// red 196, green 46, blue 21, white 231, black 16, yellow 226. Worked by hand with tmux's
    /// `colour_find_rgb`: navy (10,20,30) → grey 233 (18,18,18) (distance 212 vs 1400 for black);
    /// rust (200,100,50) → cube (4,1,1) = 167 (215,95,95) (distance 2275 vs 11672 for grey 118).
    func testIndexedColours() throws {
        let grid = HalfBlockRenderer.render(try TestImages.twoByFour(), columns: 2, rows: 2, colors: .indexed256)
        let indices = grid.cells.map { [$0.foregroundIndex, $0.backgroundIndex] }
        XCTAssertEqual(indices, [[196, 21], [46, 231], [16, 233], [226, 167]])
        XCTAssertEqual(grid[1, 1].background, RGBColor(red: 215, green: 95, blue: 95))
        XCTAssertEqual(grid[0, 1].background, RGBColor(red: 18, green: 18, blue: 18))
    }

    func testEmptyInputsGiveAnEmptyGrid() throws {
        XCTAssertTrue(HalfBlockRenderer.render(try TestImages.twoByFour(), columns: 0, rows: 3).isEmpty)
        XCTAssertTrue(HalfBlockRenderer.render(RGBImage(width: 0, height: 0), columns: 3, rows: 3).isEmpty)
    }
}
