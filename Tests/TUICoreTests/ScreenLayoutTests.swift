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
                                 layout.summary, layout.status, layout.hint].compactMap { $0 }
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
        XCTAssertEqual(ScreenLayout(columns: 80, rows: 24, focus: .grid, parameterCount: 11).mode, .medium)
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
        XCTAssertEqual(layout.focusablePanes, [.grid, .parameters, .prompt])
    }

    func testCompactLayoutShowsTheFocusedPane() {
        let layout = ScreenLayout(columns: 56, rows: 20, focus: .parameters, parameterCount: 11)
        XCTAssertNil(layout.grid)
        XCTAssertNotNil(layout.parameters)
        XCTAssertNotNil(layout.prompt)
        let small = ScreenLayout(columns: 50, rows: 12, focus: .grid, parameterCount: 11)
        XCTAssertNotNil(small.grid)
        XCTAssertNil(small.prompt)
        XCTAssertEqual(ScreenLayout(columns: 56, rows: 20, focus: .preview, parameterCount: 11).preview?.height, 18)
        XCTAssertNotNil(ScreenLayout(columns: 50, rows: 14, focus: .prompt, parameterCount: 11).prompt)
    }
}

/// Issue 16: at 80×24 the grid, the prompt and the preview are on screen together.
final class MediumLayoutTests: XCTestCase {
    func testEightyByTwentyFourShowsGridPromptAndPreview() throws {
        let layout = ScreenLayout(columns: 80, rows: 24, focus: .grid, parameterCount: 11)
        let grid = try XCTUnwrap(layout.grid), prompt = try XCTUnwrap(layout.prompt)
        let preview = try XCTUnwrap(layout.preview), summary = try XCTUnwrap(layout.summary)
        XCTAssertEqual(grid.height, 15)                    // all 13 grid lines
        XCTAssertGreaterThanOrEqual(prompt.height, 5)
        XCTAssertEqual(grid.width + preview.width, 80)
        XCTAssertEqual(summary.y, 21)
        XCTAssertNil(layout.parameters)
        // With focus on the parameters the panel takes the grid's place; the preview stays.
        let params = ScreenLayout(columns: 80, rows: 24, focus: .parameters, parameterCount: 11)
        XCTAssertEqual(params.parameters, grid)
        XCTAssertEqual(params.preview, preview)
        XCTAssertNil(params.grid)
    }

    func testEveryPaneIsReachableAtFiftyByFourteen() {
        let panes = ScreenLayout(columns: 50, rows: 14, focus: .grid, parameterCount: 11).focusablePanes
        for pane in Pane.allCases {
            XCTAssertTrue(panes.contains(pane), "\(pane)")
            XCTAssertNotNil(ScreenLayout(columns: 50, rows: 14, focus: pane, parameterCount: 11).rect(of: pane))
        }
    }
}
