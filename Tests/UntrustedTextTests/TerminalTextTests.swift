import XCTest
import UntrustedText

/// Issue 17, items 10 and 11. Expected strings follow the notation chosen in `TerminalText`:
/// caret notation as `cat -v` prints C0 and DEL, `<U+XXXX>` for C1 and bidi controls.
final class TerminalTextTests: XCTestCase {
    func testControlCharactersBecomeVisible() {
        XCTAssertEqual(TerminalText.sanitized("a\u{1B}]0;title\u{07}b"), "a^[]0;title^Gb")
        XCTAssertEqual(TerminalText.sanitized("x\u{7F}\u{9B}2J\u{202E}y"), "x^?<U+009B>2J<U+202E>y")
        XCTAssertEqual(TerminalText.sanitized("line\n\ttab"), "line\n\ttab")
        XCTAssertEqual(TerminalText.sanitized("line\n\ttab", keepingLineBreaks: false), "line^J^Itab")
        XCTAssertEqual(TerminalText.sanitized("Ünïcödé 猫 😀"), "Ünïcödé 猫 😀")
    }

    func testQuotedInputIsShort() {
        XCTAssertEqual(QuotedInput.shortened("short"), "short")
        let long = String(repeating: "k", count: 1 << 20)
        XCTAssertEqual(QuotedInput.shortened(long), String(repeating: "k", count: 80) + "… (1048576 characters)")
        XCTAssertEqual(QuotedInput.shortened("a\u{1B}b"), "a^[b")
        let columns = (0..<10_000).map { "c\($0)" }
        XCTAssertEqual(QuotedInput.list(columns, limit: 3), "c0, c1, c2 and 9997 more")
    }

    func testPromptTextLimit() throws {
        try PromptTextLimit.check(String(repeating: "é", count: 16 * 1024), what: "x")   // 32 KiB of UTF-8
        XCTAssertThrowsError(try PromptTextLimit.check(String(repeating: "é", count: 16 * 1024) + "a", what: "--prompt")) {
            XCTAssertEqual("\($0)", "--prompt is 32769 bytes, over the 32768-byte limit for prompt text")
        }
    }
}
