import XCTest
@testable import TUICore

final class ScreenLayoutTests: XCTestCase {
    /// Every size from 1×1 to 220×70, every focus: panes stay on screen and never overlap.
    func testPanesFitAndDoNotOverlapAtEverySize() {
        for columns in 1...220 {
            for rows in 1...70 {
                for focus in Pane.allCases {
                    let layout = ScreenLayout(columns: columns, rows: rows, focus: focus, parameterCount: 11)
                    let rects = [layout.grid, layout.prompt, layout.parameters, layout.preview,
                                 layout.status, layout.hint].compactMap { $0 }
                    for r in rects {
                        XCTAssertTrue(r.x >= 0 && r.y >= 0 && r.maxX <= columns && r.maxY <= rows,
                                      "\(columns)x\(rows) \(r)")
                        XCTAssertFalse(r.isEmpty, "\(columns)x\(rows) empty pane")
                    }
                    for i in rects.indices {
                        for j in rects.indices where j > i {
                            XCTAssertFalse(rects[i].intersects(rects[j]), "\(columns)x\(rows): \(rects[i]) \(rects[j])")
                        }
                    }
                }
            }
        }
    }

    func testModes() {
        XCTAssertEqual(ScreenLayout(columns: 120, rows: 40, focus: .grid, parameterCount: 11).mode, .full)
        XCTAssertEqual(ScreenLayout(columns: 80, rows: 24, focus: .grid, parameterCount: 11).mode, .compact)
        XCTAssertEqual(ScreenLayout(columns: 59, rows: 15, focus: .grid, parameterCount: 11).mode, .compact)
        XCTAssertEqual(ScreenLayout(columns: 30, rows: 8, focus: .grid, parameterCount: 11).mode, .tooSmall)
    }

    func testFullLayoutShowsAllPanesAndFillsTheScreen() {
        let layout = ScreenLayout(columns: 120, rows: 40, focus: .grid, parameterCount: 11)
        let grid = try! XCTUnwrap(layout.grid), prompt = layout.prompt!, params = layout.parameters!
        let preview = layout.preview!
        XCTAssertEqual(grid.width + params.width, 120)
        XCTAssertEqual(grid.height, 15)                    // 13 grid lines + border
        XCTAssertEqual(grid.height + prompt.height, 38)
        XCTAssertEqual(params.height, 13)                  // 11 parameters + border
        XCTAssertEqual(params.height + preview.height, 38)
        XCTAssertEqual(layout.focusablePanes, [.grid, .parameters])
    }

    func testCompactLayoutShowsTheFocusedPane() {
        let layout = ScreenLayout(columns: 70, rows: 20, focus: .parameters, parameterCount: 11)
        XCTAssertNil(layout.grid)
        XCTAssertNotNil(layout.parameters)
        XCTAssertNotNil(layout.prompt)
        let small = ScreenLayout(columns: 50, rows: 12, focus: .grid, parameterCount: 11)
        XCTAssertNotNil(small.grid)
        XCTAssertNil(small.prompt)
        XCTAssertEqual(ScreenLayout(columns: 70, rows: 20, focus: .preview, parameterCount: 11).preview?.height, 18)
    }
}
