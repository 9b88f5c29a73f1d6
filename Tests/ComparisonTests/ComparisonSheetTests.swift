import Comparison
import Imaging
import XCTest

/// The sheet's geometry, worked out by hand from the rules in `ComparisonSheet.geometry`:
/// 64 px cells use font scale 1, so a glyph advances 6 px, labels have 4 px padding, lines are
/// 7 px with 2 px between them.
final class ComparisonSheetTests: XCTestCase {
    func testGeometryOfThreeByTwo() {
        let g = ComparisonSheet.geometry(cellWidth: 64, cellHeight: 64,
                                         columnLabels: ["CFG Scale: 4", "CFG Scale: 7", "CFG Scale: 10"],
                                         rowLabels: ["Seed: 1", "Seed: 2"])
        // A column fits (64 − 8 + 1) / 6 = 9 characters: "CFG Scale: 4" wraps to "CFG" / "Scale: 4".
        XCTAssertEqual(g.columnLines[0], ["CFG", "Scale: 4"])
        XCTAssertEqual(g.columnLines[2], ["CFG", "Scale: 10"])
        // Top band: 4 + 7 + 2 + 7 + 4 = 24. Left band: "Seed: 1" is 7 · 6 − 1 = 41 px, plus 2 · 4.
        XCTAssertEqual(g.top, 24)
        XCTAssertEqual(g.left, 49)
        XCTAssertEqual(g.width, 49 + 3 * 64)
        XCTAssertEqual(g.height, 24 + 2 * 64)
        XCTAssertEqual(g.cellOrigin(column: 2, row: 1).x, 49 + 128)
        XCTAssertEqual(g.cellOrigin(column: 2, row: 1).y, 24 + 64)
    }

    func testOneAxisHasNoLeftBandAndLargerCellsALargerFont() {
        let g = ComparisonSheet.geometry(cellWidth: 512, cellHeight: 512, columnLabels: ["Euler a", "DPM++ 2M"], rowLabels: nil)
        // 512 px: scale 3 (1 below 256, then one per 256): 12 px padding, 21 px lines.
        XCTAssertEqual(g.scale, 3)
        XCTAssertEqual(g.left, 0)
        XCTAssertEqual(g.top, 12 + 21 + 12)
        XCTAssertEqual(g.width, 1024)
        XCTAssertEqual(g.height, 45 + 512)
    }

    func testCellsLandAtTheirOriginsAndLabelsAreDrawn() throws {
        let colours: [RGBColor] = [RGBColor(red: 255, green: 0, blue: 0), RGBColor(red: 0, green: 255, blue: 0),
                                   RGBColor(red: 0, green: 0, blue: 255), RGBColor(red: 9, green: 9, blue: 9)]
        let cells = colours.map { RGBImage(width: 16, height: 10, filledWith: $0) }
        let sheet = ComparisonSheet.compose(cells: cells, columnLabels: ["A", "B"], rowLabels: ["1", "2"])
        let g = ComparisonSheet.geometry(cellWidth: 16, cellHeight: 10, columnLabels: ["A", "B"], rowLabels: ["1", "2"])
        XCTAssertEqual(sheet.width, g.width)
        XCTAssertEqual(sheet.height, g.height)
        for (index, colour) in colours.enumerated() {
            let o = g.cellOrigin(column: index % 2, row: index / 2)
            XCTAssertEqual(sheet[o.x, o.y], colour)
            XCTAssertEqual(sheet[o.x + 15, o.y + 9], colour)
        }
        // "A" is one glyph, 5 px wide, centred in column 0's band: x = left + (16 − 5) / 2.
        // Its column 0 is 0x7E: rows 1–6 set, row 0 clear (the glyph table, drawn by hand).
        let ax = g.left + (16 - 5) / 2, ay = (g.top - 7) / 2
        XCTAssertEqual(sheet[ax, ay], .white)
        XCTAssertEqual(sheet[ax, ay + 1], .black)
        XCTAssertEqual(sheet[ax, ay + 6], .black)
        // The band's corner stays white.
        XCTAssertEqual(sheet[0, 0], .white)
    }

    func testWrapCutsLongLabels() {
        XCTAssertEqual(ComparisonSheet.wrap("a watermelon", width: 9), ["a", "watermelo", "n"])
        XCTAssertEqual(ComparisonSheet.wrap("one two three four five", width: 5), ["one", "two", "thr.."])
        XCTAssertEqual(ComparisonSheet.wrap("café", width: 9), ["caf?"])
    }
}
