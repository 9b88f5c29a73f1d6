import XCTest
@testable import TUICore

final class KeymapTests: XCTestCase {
    let keymap = Keymap.standard

    func testNoKeyIsBoundTwiceInOneContext() {
        XCTAssertTrue(keymap.conflicts.isEmpty, "\(keymap.conflicts)")
    }

    func testEveryCommandHasAKey() {
        let bound = Set(keymap.bindings.map(\.command))
        XCTAssertEqual(Set(Command.allCases).subtracting(bound), [])
    }

    func testTypingContextsBindNoPlainPrintableKeys() {
        // In a text field every printable key must type, so no binding may take one.
        // Nor on the grid or the workbench in the standard key style: there a printable key
        // starts typing into the selected field (issue 16: `photo` typed on the grid is photo).
        let typing: Set<KeyContext> = [.global, .main, .grid, .editing, .textEntry]
        for binding in keymap.bindings where binding.context.typesText || typing.contains(binding.context) {
            for key in binding.keys {
                XCTAssertNil(key.typedCharacter, "\(binding.context) binds \(key.label)")
            }
        }
    }

    func testMostSpecificContextWins() {
        XCTAssertEqual(keymap.command(for: .down, in: [.grid, .main, .global]), .moveDown)
        XCTAssertEqual(keymap.command(for: .char("q"), in: [.grid, .main, .global]), nil)   // types a q
        XCTAssertEqual(keymap.command(for: .char("q"), in: [.vim, .grid, .main, .global]), .quit)
        XCTAssertEqual(keymap.command(for: .char("q"), in: [.editing, .global]), nil)
        XCTAssertEqual(keymap.command(for: .ctrl("q"), in: [.editing, .global]), .quit)
        XCTAssertEqual(keymap.command(for: .escape, in: [.editing, .global]), .finishEditing)
        XCTAssertEqual(keymap.command(for: .escape, in: [.picker, .global]), .cancel)
        XCTAssertEqual(keymap.command(for: Key(.left, .shift), in: [.parameters, .main, .global]), .decreaseMore)
        XCTAssertEqual(keymap.command(for: .ctrl("w"), in: [.textEntry, .global]), .deleteWordBackward)
    }

    func testHintsFollowContextOrderWithoutRepeats() {
        let hints = keymap.hints(in: [.grid, .main, .global])
        XCTAssertEqual(hints.first?.command, .moveUp)
        XCTAssertEqual(Set(hints.map(\.command)).count, hints.count)
        XCTAssertTrue(hints.contains { $0.command == .quit })
    }

    func testHelpListsEveryBindingOnce() {
        let listed = keymap.helpSections.flatMap(\.bindings)
        XCTAssertEqual(listed.count, keymap.bindings.count)
        XCTAssertEqual(keymap.helpSections.first?.context, .global)
    }

    func testKeyLabels() {
        XCTAssertEqual(Key.ctrl("w").label, "Ctrl-W")
        XCTAssertEqual(Key(.left, .shift).label, "Shift-←")
        XCTAssertEqual(Key.backTab.label, "Shift-Tab")
        XCTAssertEqual(Key.f(1).label, "F1")
        XCTAssertEqual(Key.char(" ").label, "Space")
        XCTAssertEqual(Key(.backspace, .alt).label, "Alt-Bksp")
    }
}
