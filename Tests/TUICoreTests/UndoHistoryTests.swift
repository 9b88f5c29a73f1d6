import XCTest
@testable import TUICore

final class UndoHistoryTests: XCTestCase {
    func testCoalescesChangesOfOneKind() {
        var history = UndoHistory<String>()
        var value = ""
        for c in "photo" {
            history.record(value, kind: "type:what")
            value.append(c)
        }
        history.record(value, kind: "type:who")
        value += "|model"
        XCTAssertEqual(history.undo(value), "photo")
        XCTAssertEqual(history.undo("photo"), "")
        XCTAssertNil(history.undo(""))
        XCTAssertEqual(history.redo(""), "photo")
        XCTAssertEqual(history.redo("photo"), "photo|model")
        XCTAssertNil(history.redo("photo|model"))
    }

    func testSealAndNewChangeClearRedo() {
        var history = UndoHistory<Int>()
        history.record(1, kind: "cfg")
        history.seal()
        history.record(2, kind: "cfg")   // sealed: a new step even though the kind is the same
        XCTAssertEqual(history.past, [1, 2])
        XCTAssertEqual(history.undo(3), 2)
        XCTAssertTrue(history.canRedo)
        history.record(2, kind: nil)
        XCTAssertFalse(history.canRedo)
    }

    func testLimit() {
        var history = UndoHistory<Int>(limit: 3)
        for i in 0..<10 { history.record(i, kind: nil) }
        XCTAssertEqual(history.past, [7, 8, 9])
    }
}
