import Imaging
import TermImage
import XCTest

/// Palette values from xterm's `256colres.pl`: cube levels 0, 95, 135, 175, 215, 255 and greys 8 + 10·i.
final class XTermPaletteTests: XCTestCase {
    func testPaletteColours() {
        XCTAssertEqual(XTermPalette.color(ofIndex: 16), .black)
        XCTAssertEqual(XTermPalette.color(ofIndex: 231), .white)
        XCTAssertEqual(XTermPalette.color(ofIndex: 167), RGBColor(red: 215, green: 95, blue: 95))   // 16 + 36·4 + 6 + 1
        XCTAssertEqual(XTermPalette.color(ofIndex: 232), RGBColor(red: 8, green: 8, blue: 8))
        XCTAssertEqual(XTermPalette.color(ofIndex: 255), RGBColor(red: 238, green: 238, blue: 238))
        XCTAssertNil(XTermPalette.color(ofIndex: 7), "0–15 are the terminal's own")
    }

    /// Every palette entry maps back to itself, except greys that are also cube colours: none are
    /// (the ramp 8…238 never hits 0, 95, 135, 175, 215, 255), so all 240 round-trip.
    func testEveryEntryIsItsOwnNearest() {
        for index in UInt8(16)...255 {
            XCTAssertEqual(XTermPalette.nearestIndex(to: XTermPalette.color(ofIndex: index)!), index)
        }
    }

    /// Hand-worked with tmux's `colour_find_rgb`: (10,20,30) → grey 233; (200,100,50) → 167;
    /// (128,128,128) → cube (2,2,2)=(135,135,135) at distance 147 vs grey 244 (128) at 0 → 244.
    func testNearestExamples() {
        XCTAssertEqual(XTermPalette.nearestIndex(to: RGBColor(red: 10, green: 20, blue: 30)), 233)
        XCTAssertEqual(XTermPalette.nearestIndex(to: RGBColor(red: 200, green: 100, blue: 50)), 167)
        XCTAssertEqual(XTermPalette.nearestIndex(to: RGBColor(red: 128, green: 128, blue: 128)), 244)
    }
}
