import XCTest
@testable import TUICore

/// Sequences from xterm's ctlseqs, "PC-Style Function Keys" (the modifier code m − 1 is a bit
/// set: 1 Shift, 2 Alt, 4 Control), as tmux sends them for `send-keys S-Right` and friends.
final class EscapeSequenceTests: XCTestCase {
    func decode(_ introducer: Character, _ parameters: String, _ final: Character) -> EscapeSequence.Decoded? {
        EscapeSequence.decode(introducer: introducer, parameters: parameters, final: final)
    }

    func testModifiedCursorKeys() {
        XCTAssertEqual(decode("[", "1;2", "C"), .key(Key(.right, .shift)))
        XCTAssertEqual(decode("[", "1;2", "D"), .key(Key(.left, .shift)))
        XCTAssertEqual(decode("[", "1;5", "D"), .key(Key(.left, .control)))
        XCTAssertEqual(decode("[", "1;3", "A"), .key(Key(.up, .alt)))
        XCTAssertEqual(decode("[", "1;8", "B"), .key(Key(.down, [.shift, .alt, .control])))
        XCTAssertEqual(decode("[", "", "A"), .key(.up))
        XCTAssertEqual(decode("O", "", "D"), .key(.left))
        XCTAssertEqual(decode("[", "1;2", "H"), .key(Key(.home, .shift)))
    }

    func testTildeKeys() {
        XCTAssertEqual(decode("[", "3", "~"), .key(.delete))
        XCTAssertEqual(decode("[", "3;5", "~"), .key(Key(.delete, .control)))
        XCTAssertEqual(decode("[", "5", "~"), .key(.pageUp))
        XCTAssertEqual(decode("[", "6;2", "~"), .key(Key(.pageDown, .shift)))
        XCTAssertEqual(decode("[", "1", "~"), .key(.home))
        XCTAssertEqual(decode("[", "4", "~"), .key(.end))
        XCTAssertEqual(decode("[", "15", "~"), .key(.f(5)))
        XCTAssertEqual(decode("[", "24", "~"), .key(.f(12)))
        XCTAssertEqual(decode("O", "", "P"), .key(.f(1)))
        XCTAssertEqual(decode("[", "200", "~"), .pasteStart)
        XCTAssertEqual(decode("[", "201", "~"), .pasteEnd)
        XCTAssertEqual(decode("[", "", "Z"), .key(.backTab))
    }

    func testUnknownSequencesAreNotKeys() {
        XCTAssertNil(decode("[", "99", "~"))
        XCTAssertNil(decode("[", "?1;2", "c"))
        XCTAssertNil(decode("[", "", "~"))
    }
}
