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

    /// Pixels of a sixel image as colour-register numbers (DEC STD 070: `#n` selects register n,
    /// `?`…`~` are six-pixel columns, `!N` repeats the next one N times, `$` returns to the
    /// band's left edge, `-` starts the next band, ST ends it); -1 where nothing was drawn. Registers'
    /// colours are read from `#n;2;r;g;b` (percentages). Written from the standard for this test.
    private func decode(_ sixel: [UInt8]) -> (pixels: [[Int]], colours: [Int: [Int]]) {
        var rows: [[Int]] = [], colours: [Int: [Int]] = [:]
        var i = sixel.firstIndex(of: UInt8(ascii: "q")).map { $0 + 1 } ?? 0
        var register = 0, x = 0, band = 0, repeatCount = 1
        func number() -> Int {
            var value = 0
            while i < sixel.count, (0x30...0x39).contains(sixel[i]) { value = value * 10 + Int(sixel[i] - 0x30); i += 1 }
            return value
        }
        while i < sixel.count {
            let c = sixel[i]
            switch c {
            case UInt8(ascii: "#"):
                i += 1
                var fields = [number()]
                while i < sixel.count, sixel[i] == UInt8(ascii: ";") { i += 1; fields.append(number()) }
                register = fields[0]
                if fields.count == 5 { colours[register] = Array(fields[2...]) }
            case 0x1B: i = sixel.count  // ST ends the image
            case UInt8(ascii: "!"): i += 1; repeatCount = number()
            case UInt8(ascii: "$"): x = 0; i += 1
            case UInt8(ascii: "-"): x = 0; band += 1; i += 1
            case UInt8(ascii: "\""): i += 1; _ = number(); while i < sixel.count, sixel[i] == UInt8(ascii: ";") { i += 1; _ = number() }
            case 0x3F...0x7E:
                let bits = Int(c - 0x3F)
                while rows.count < band * 6 + 6 { rows.append([]) }
                for _ in 0..<repeatCount {
                    for k in 0..<6 where bits & (1 << k) != 0 {
                        var row = rows[band * 6 + k]
                        if row.count <= x { row += Array(repeating: -1, count: x + 1 - row.count) }
                        row[x] = register
                        rows[band * 6 + k] = row
                    }
                    x += 1
                }
                repeatCount = 1; i += 1
            default: i += 1
            }
        }
        return (rows, colours)
    }

    /// A width whose RGB rows are not a multiple of 4 bytes (241 px = 723 bytes) is drawn
    /// without shearing: a one-pixel white column on black stays in column 120 on every row.
    /// (The X/Y sheet once came out sheared in xterm at such widths.)
    func testOddWidthsAreNotSheared() throws {
        for width in [241, 243, 250, 256] {
            var pixels = [UInt8](repeating: 0, count: width * 60 * 3)
            for y in 0..<60 { for c in 0..<3 { pixels[(y * width + 120) * 3 + c] = 255 } }
            let image = try RGBImage(width: width, height: 60, pixels: pixels)
            let (rows, colours) = decode(try SixelEncoder.encode(image, width: width, height: 60))
            XCTAssertEqual(rows.count, 60)
            for (y, row) in rows.enumerated() {
                let bright = row.indices.filter { (colours[row[$0]]?.reduce(0, +) ?? 0) > 150 }
                XCTAssertEqual(bright, [120], "width \(width), row \(y)")
            }
        }
    }
}
