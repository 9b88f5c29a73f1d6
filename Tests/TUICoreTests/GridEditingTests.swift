import PromptKit
import XCTest
@testable import TUICore

final class GridEditingTests: XCTestCase {
    func testTypingIntoTheGridChangesTheRenderedPromptOnEveryKey() {
        var h = ReducerHarness()
        h.press(.enter)
        XCTAssertEqual(h.state.editor?.text, "")
        XCTAssertEqual(h.state.keyContexts, [.editing, .main, .global])
        h.typeKeys("pho")
        XCTAssertEqual(h.grid.what.value, "pho")
        XCTAssertEqual(h.state.analysis.rendered, h.grid.render())
        XCTAssertTrue(h.state.analysis.rendered.prompt.contains("pho"))
        h.typeKeys("to")
        XCTAssertEqual(h.grid.what.value, "photo")
        XCTAssertTrue(h.state.analysis.rendered.prompt.contains("photo"))
        XCTAssertTrue(h.lastReaction.redraw.contains(.prompt))
    }

    func testEveryEditRestartsTheRenderAfterTheDebounce() {
        var h = ReducerHarness()
        h.press(.enter)
        let reaction = h.send(.key(.char("a")))
        XCTAssertEqual(reaction.effects, [.scheduleRender(delay: 0.3)])
        XCTAssertEqual(h.state.render, .waiting)
        // While a job runs, the next edit cancels it first.
        _ = h.fireDebounce()
        XCTAssertNotNil(h.state.render.runningJob)
        XCTAssertEqual(h.send(.key(.char("b"))).effects, [.cancelRender, .scheduleRender(delay: 0.3)])
    }

    func testPrintableKeysTypeWhileEditingInsteadOfRunningCommands() {
        var h = ReducerHarness()
        h.press(.enter)
        h.typeKeys("q?psy")
        XCTAssertFalse(h.state.quitRequested)
        XCTAssertTrue(h.state.overlays.isEmpty)
        XCTAssertEqual(h.grid.what.value, "q?psy")
        // Ctrl-Q still quits from a text field.
        h.press(.ctrl("q"))
        XCTAssertTrue(h.state.quitRequested)
    }

    func testTabMovesToTheQualifierThenTheNextRow() {
        var h = ReducerHarness()
        h.press(.enter)
        h.typeKeys("photo")
        h.press(.tab)
        XCTAssertEqual(h.state.gridCursor, GridCell(.row(.what), .qualifier))
        h.typeKeys("in motion")
        h.press(.tab)
        XCTAssertEqual(h.state.gridCursor, GridCell(.row(.who), .value))
        h.typeKeys("model")
        h.press(.backTab, .backTab)
        XCTAssertEqual(h.state.gridCursor, GridCell(.row(.what), .value))
        XCTAssertEqual(h.state.editor?.text, "photo")
        h.press(.escape)
        XCTAssertNil(h.state.editor)
        XCTAssertEqual(h.grid.what, PromptGrid.Row("photo", "in motion"))
        XCTAssertEqual(h.grid.who.value, "model")
    }

    func testArrowKeysInEditingMoveTheCursorAndRows() {
        var h = ReducerHarness()
        h.press(.enter)
        h.typeKeys("dress")
        h.press(.left, .left, .backspace)
        XCTAssertEqual(h.state.editor?.text, "drss")
        XCTAssertEqual(h.state.editor?.cursor, 2)
        h.press(.down)
        XCTAssertEqual(h.state.gridCursor.line, .row(.who))
        XCTAssertNotNil(h.state.editor)
        h.press(.up)
        XCTAssertEqual(h.state.editor?.text, "drss")
    }

    func testWordDeletionAndKillKeys() {
        var h = ReducerHarness()
        h.press(.enter)
        h.typeKeys("white chiffon, many layers")
        h.press(.ctrl("w"))
        XCTAssertEqual(h.grid.what.value, "white chiffon, many ")
        h.press(Key(.backspace, .alt))
        XCTAssertEqual(h.grid.what.value, "white chiffon, ")
        h.press(.ctrl("a"), .alt("d"))
        XCTAssertEqual(h.grid.what.value, " chiffon, ")
        h.press(.ctrl("k"))
        XCTAssertEqual(h.grid.what.value, "")
    }

    func testUnicodeTextIsStoredAsTyped() {
        var h = ReducerHarness()
        h.press(.down, .enter)
        h.typeKeys("девушка 少女 🦄")
        XCTAssertEqual(h.grid.who.value, "девушка 少女 🦄")
        h.press(.backspace)
        XCTAssertEqual(h.grid.who.value, "девушка 少女 ")
    }

    func testPasteStartsEditingAndFlattensLineBreaks() {
        var h = ReducerHarness()
        h.send(.paste("concrete\ncatholic church"))
        XCTAssertNotNil(h.state.editor)
        XCTAssertEqual(h.grid.what.value, "concrete catholic church")
    }

    func testExtraTagsAndNegativeLines() {
        var h = ReducerHarness()
        h.press(.end)
        XCTAssertEqual(h.state.gridCursor.line, .negative)
        h.press(.enter)
        h.typeKeys("blurry")
        h.press(.escape, .up, .enter)
        XCTAssertEqual(h.state.gridCursor.line, .extraTags)
        h.typeKeys("film grain, 35mm, ")
        XCTAssertEqual(h.grid.extraTags, ["film grain", "35mm"])
        XCTAssertEqual(h.state.editor?.text, "film grain, 35mm, ")   // the editor keeps what was typed
        XCTAssertEqual(h.grid.negative, "blurry")
    }

    func testClearFieldAndMovementBounds() {
        var h = ReducerHarness()
        h.press(.enter)
        h.typeKeys("photo")
        h.press(.escape)
        h.press(.up, .up)
        XCTAssertEqual(h.state.gridCursor, GridCell(.row(.what)))
        h.press(.right)
        XCTAssertEqual(h.state.gridCursor.column, .qualifier)
        h.press(.left, .delete)
        XCTAssertEqual(h.grid.what.value, "")
        h.press(.end, .down)
        XCTAssertEqual(h.state.gridCursor.line, .negative)
        h.press(.right)
        XCTAssertEqual(h.state.gridCursor.column, .value)   // negative has no qualifier
    }

    func testUndoRedoCoalescesTypingPerField() {
        var h = ReducerHarness()
        h.press(.enter)
        h.typeKeys("photo")
        h.press(.tab)
        h.typeKeys("in motion")
        h.press(.escape)
        h.press(.ctrl("z"))
        XCTAssertEqual(h.grid.what, PromptGrid.Row("photo", ""))
        h.press(.ctrl("z"))
        XCTAssertEqual(h.grid.what, PromptGrid.Row("", ""))
        XCTAssertEqual(h.state.analysis.rendered, h.grid.render())
        h.press(.ctrl("y"))
        XCTAssertEqual(h.grid.what.value, "photo")
        h.press(.ctrl("r"))
        XCTAssertEqual(h.grid.what, PromptGrid.Row("photo", "in motion"))
        h.press(.ctrl("y"))
        XCTAssertEqual(h.state.status, .info("Nothing to redo"))
    }

    func testUndoWhileEditingRefreshesTheEditor() {
        var h = ReducerHarness()
        h.press(.enter)
        h.typeKeys("abc")
        h.press(.ctrl("z"))
        XCTAssertEqual(h.state.editor?.text, "")
        XCTAssertEqual(h.grid.what.value, "")
    }
}
