import XCTest
@testable import TUICore

/// Word semantics follow GNU readline's `backward-kill-word` (M-DEL) and `kill-word` (M-d):
/// skip separators, then delete the word. The expected strings were checked by hand in bash.
final class TextFieldTests: XCTestCase {
    func testInsertMovesCursorAndSanitises() {
        var field = TextField("")
        field.insert("photo")
        XCTAssertEqual(field.text, "photo")
        XCTAssertEqual(field.cursor, 5)
        field.moveToStart()
        field.insert("a ")
        XCTAssertEqual(field.text, "a photo")
        XCTAssertEqual(field.cursor, 2)
        field.moveToEnd()
        field.insert("\tin\r\nmotion\u{7}")   // tab and CR LF become single spaces, BEL is dropped
        XCTAssertEqual(field.text, "a photo in motion")
    }

    func testDeleteBackwardAndForward() {
        var field = TextField("church", cursor: 3)
        field.deleteBackward()
        XCTAssertEqual(field.text, "chrch")
        XCTAssertEqual(field.cursor, 2)
        field.deleteForward()
        XCTAssertEqual(field.text, "chch")
        field.moveToStart()
        field.deleteBackward()
        XCTAssertEqual(field.text, "chch")
        field.moveToEnd()
        field.deleteForward()
        XCTAssertEqual(field.text, "chch")
    }

    func testWordDeletionLikeReadline() {
        var field = TextField("(best quality:1.4), watermark")
        field.deleteWordBackward()
        XCTAssertEqual(field.text, "(best quality:1.4), ")
        field.deleteWordBackward()                       // ", " then "4"
        XCTAssertEqual(field.text, "(best quality:1.")
        field = TextField("long straight white hair", cursor: 4)
        field.deleteWordForward()                        // " straight"
        XCTAssertEqual(field.text, "long white hair")
        XCTAssertEqual(field.cursor, 4)
        field = TextField("score_9, score_8_up")
        field.deleteWordBackward()                       // underscores belong to the word
        XCTAssertEqual(field.text, "score_9, ")
    }

    func testKillToEndAndStart() {
        var field = TextField("deep blue, grey", cursor: 4)
        field.deleteToEnd()
        XCTAssertEqual(field.text, "deep")
        field = TextField("deep blue, grey", cursor: 5)
        field.deleteToStart()
        XCTAssertEqual(field.text, "blue, grey")
        XCTAssertEqual(field.cursor, 0)
    }

    func testWordMovement() {
        var field = TextField("in motion, slowly", cursor: 0)
        field.moveWordRight()
        XCTAssertEqual(field.cursor, 2)
        field.moveWordRight()
        XCTAssertEqual(field.cursor, 9)
        field.moveWordLeft()
        XCTAssertEqual(field.cursor, 3)
        field.moveWordLeft()
        XCTAssertEqual(field.cursor, 0)
    }

    func testUnicodeClustersAreSingleSteps() {
        // Cyrillic, CJK, an emoji ZWJ sequence and a combining accent: one cursor step each.
        var field = TextField("Ж教👨\u{200D}👩\u{200D}👧e\u{301}")
        XCTAssertEqual(field.characters.count, 4)
        field.deleteBackward()
        XCTAssertEqual(field.text, "Ж教👨\u{200D}👩\u{200D}👧")
        field.deleteBackward()
        XCTAssertEqual(field.text, "Ж教")
        field.moveLeft()
        field.insert("😀")
        XCTAssertEqual(field.text, "Ж😀教")
    }

    func testViewportScrollsToKeepTheCursorVisible() {
        let field = TextField("abcdefghij")            // cursor at the end (column 10)
        let view = field.viewport(width: 5)
        XCTAssertEqual(view.first, 6)                  // shows "ghij" and the cursor cell
        XCTAssertEqual(view.cursorColumn, 4)
        XCTAssertEqual(field.visibleText(width: 5), "ghij")
        let start = TextField("abcdefghij", cursor: 2)
        XCTAssertEqual(start.viewport(width: 5).first, 0)
        XCTAssertEqual(start.visibleText(width: 5), "abcde")
        // Wide characters: "教会教会" is 8 cells; the cursor at the end needs 9.
        let wide = TextField("教会教会")
        XCTAssertEqual(wide.viewport(width: 5).first, 2)
        XCTAssertEqual(wide.viewport(width: 5).cursorColumn, 4)
    }
}
