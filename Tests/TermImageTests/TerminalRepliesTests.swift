import TermImage
import XCTest

/// Reply parsing with real reply strings, each with its source.
final class TerminalRepliesTests: XCTestCase {
    private func parse(_ text: String) -> TerminalReplies { TerminalReplies(parsing: Array(text.utf8)) }

    /// xterm started as a VT340 (`-ti vt340`), as documented in xterm's ctlseqs for DA1 and seen
    /// in `../shared/tools/README.md` (term-shot): `CSI ? 63;1;2;4;6;9;15;16;22;28 c`.
    func testXTermVT340AdvertisesSixel() {
        let replies = parse("\u{1B}[?63;1;2;4;6;9;15;16;22;28c")
        XCTAssertEqual(replies.deviceAttributes, [63, 1, 2, 4, 6, 9, 15, 16, 22, 28])
        XCTAssertTrue(replies.supportsSixel)
    }

    /// xterm's default VT100 identity, ctlseqs: "CSI ? 1 ; 2 c ⇒ VT100 with Advanced Video Option".
    func testVT100HasNoSixel() {
        let replies = parse("\u{1B}[?1;2c")
        XCTAssertEqual(replies.deviceAttributes, [1, 2])
        XCTAssertFalse(replies.supportsSixel)
    }

    /// foot's DA1 reply, from its source (`csi.c`: `"\033[?62;4;22c"`).
    func testFootAdvertisesSixel() {
        XCTAssertTrue(parse("\u{1B}[?62;4;22c").supportsSixel)
    }

    /// All three replies in one read, in the order the probe asks: XTVERSION
    /// (ctlseqs: `DCS > | text ST`), the cell size (`CSI 6 ; height ; width t`) and DA1.
    func testCombinedRepliesFromOneRead() {
        let replies = parse("\u{1B}P>|XTerm(388)\u{1B}\\\u{1B}[6;19;9t\u{1B}[?63;1;2;4;6;9;15;16;22;28c")
        XCTAssertEqual(replies.version, "XTerm(388)")
        XCTAssertEqual(replies.cellPixelSize, PixelSize(width: 9, height: 19))
        XCTAssertTrue(replies.supportsSixel)
    }

    /// tmux answers XTVERSION with its own name (`DCS > | tmux 3.3a ST`).
    func testVersionWithSpaces() {
        XCTAssertEqual(parse("\u{1B}P>|tmux 3.3a\u{1B}\\").version, "tmux 3.3a")
    }

    func testNoiseAndPartialRepliesAreIgnored() {
        XCTAssertEqual(parse(""), TerminalReplies())
        XCTAssertNil(parse("\u{1B}[?63;1;2").deviceAttributes, "cut short")
        XCTAssertNil(parse("\u{1B}P>|XTerm(388)").version, "no ST yet")
        XCTAssertEqual(parse("abc\u{1B}[?x\u{1B}[?1;2cdef").deviceAttributes, [1, 2])
        XCTAssertNil(parse("\u{1B}[6;0;9t").cellPixelSize, "zero height")
    }
}
