import Imaging
import TestSupport
import TermImage
import XCTest

final class SixelEncoderTests: XCTestCase {
    /// The raster attributes `" Pan ; Pad ; Ph ; Pv` (DEC STD 070 sixel) give the drawn size.
    private func rasterSize(_ sixel: [UInt8]) -> (width: Int, height: Int)? {
        let text = String(decoding: sixel.prefix(64), as: UTF8.self)
        guard let quote = text.firstIndex(of: "\"") else { return nil }
        let fields = text[text.index(after: quote)...].prefix { $0.isNumber || $0 == ";" }.split(separator: ";").compactMap { Int($0) }
        return fields.count >= 4 ? (fields[2], fields[3]) : nil
    }

    func testFixtureImageIsFramedAndSized() throws {
        let image = try PNGFile.read(from: Fixtures.url("tiny-sd15-reference/euler-normal-s42.png")).image
        let sixel = try SixelEncoder.encode(image, width: 128, height: 96)
        XCTAssertEqual(Array(sixel.prefix(2)), [0x1B, 0x50], "starts with DCS (ESC P)")
        let introducer = try XCTUnwrap(sixel.firstIndex(of: UInt8(ascii: "q")))
        XCTAssertTrue(sixel[2..<introducer].allSatisfy { (0x30...0x3B).contains($0) }, "DCS parameters, then q")
        XCTAssertEqual(Array(sixel.suffix(2)), [0x1B, 0x5C], "ends with ST (ESC \\)")
        XCTAssertEqual(rasterSize(sixel)?.width, 128)
        XCTAssertEqual(rasterSize(sixel)?.height, 96)
        // Colour registers are defined in RGB percentages: `#n;2;r;g;b`.
        XCTAssertTrue(String(decoding: sixel, as: UTF8.self).contains(";2;"))
    }

    /// The height is rounded down to whole six-pixel bands (100 → 96).
    func testHeightIsWholeSixelBands() throws {
        let sixel = try SixelEncoder.encode(RGBImage(width: 10, height: 10, filledWith: .white), width: 50, height: 100)
        XCTAssertEqual(rasterSize(sixel)?.width, 50)
        XCTAssertEqual(rasterSize(sixel)?.height, 96)
    }

    func testLargeImageIsScaledDown() throws {
        let image = RGBImage(width: 2048, height: 1536, filledWith: RGBColor(red: 200, green: 30, blue: 90))
        let sixel = try SixelEncoder.encode(image, width: 400, height: 300)
        XCTAssertEqual(rasterSize(sixel)?.width, 400)
        XCTAssertEqual(rasterSize(sixel)?.height, 300)
    }

    func testBadSizesAreErrors() {
        let image = RGBImage(width: 4, height: 4)
        XCTAssertThrowsError(try SixelEncoder.encode(image, width: 0, height: 60))
        XCTAssertThrowsError(try SixelEncoder.encode(image, width: 60, height: 5))
        XCTAssertThrowsError(try SixelEncoder.encode(image, width: 5000, height: 60))
        XCTAssertThrowsError(try SixelEncoder.encode(RGBImage(width: 0, height: 4), width: 60, height: 60)) {
            XCTAssertEqual("\($0)", "cannot draw an empty image as sixels")
        }
    }

    func testPositionedWrapsWithSaveMoveRestore() {
        let sixel: [UInt8] = Array("\u{1B}Pq#0~\u{1B}\\".utf8)
        XCTAssertEqual(SixelEncoder.positioned(sixel, row: 2, column: 10),
                       Array("\u{1B}7\u{1B}[3;11H".utf8) + sixel + Array("\u{1B}8".utf8))
    }
}
