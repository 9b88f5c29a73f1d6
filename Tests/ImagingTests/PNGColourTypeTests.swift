import XCTest
@testable import Imaging

/// Every PNG colour type and bit depth becomes 8-bit RGB. The files are built byte by byte
/// (``HandBuiltPNG``) and the expected pixels follow from the PNG specification §7–8 by hand:
/// grey g → (g, g, g); palette index → PLTE entry; alpha dropped, not composited;
/// 16-bit samples → their 8-bit equivalent (v · 255 / 65535, rounded).
final class PNGColourTypeTests: XCTestCase {
    private func decode(_ bytes: [UInt8]) throws -> RGBImage { try PNGDecoder.decode(bytes, path: "hand.png").image }

    func testGreyscale8Bit() throws {
        let image = try decode(HandBuiltPNG.make(width: 2, height: 1, bitDepth: 8, colourType: 0,
                                                 scanlines: [0, 0, 200]))
        XCTAssertEqual(image.pixels, [0, 0, 0, 200, 200, 200])
    }

    func testGreyscale1Bit() throws {
        // 3 pixels packed MSB first: 1 0 1 → white, black, white.
        let image = try decode(HandBuiltPNG.make(width: 3, height: 1, bitDepth: 1, colourType: 0,
                                                 scanlines: [0, 0b1010_0000]))
        XCTAssertEqual(image.pixels, [255, 255, 255, 0, 0, 0, 255, 255, 255])
    }

    func testPalette2BitWithTransparency() throws {
        let palette = PNGChunk(type: "PLTE", data: [255, 0, 0, 0, 255, 0, 0, 0, 255, 9, 8, 7])
        let transparency = PNGChunk(type: "tRNS", data: [0, 128])   // entry 0 fully, entry 1 half transparent
        let image = try decode(HandBuiltPNG.make(width: 2, height: 2, bitDepth: 2, colourType: 3,
                                                 extra: [palette, transparency],
                                                 scanlines: [0, 0b0001_0000, 0, 0b1011_0000]))
        XCTAssertEqual(image[0, 0], RGBColor(red: 255, green: 0, blue: 0))
        XCTAssertEqual(image[1, 0], RGBColor(red: 0, green: 255, blue: 0))
        XCTAssertEqual(image[0, 1], RGBColor(red: 0, green: 0, blue: 255))
        XCTAssertEqual(image[1, 1], RGBColor(red: 9, green: 8, blue: 7))
    }

    func testGreyscaleWithAlpha() throws {
        let image = try decode(HandBuiltPNG.make(width: 1, height: 1, bitDepth: 8, colourType: 4,
                                                 scanlines: [0, 77, 128]))
        XCTAssertEqual(image.pixels, [77, 77, 77])
    }

    func testRGBAlphaIsDroppedNotComposited() throws {
        let image = try decode(HandBuiltPNG.make(width: 2, height: 1, bitDepth: 8, colourType: 6,
                                                 scanlines: [0, 1, 2, 3, 255, 250, 251, 252, 64]))
        XCTAssertEqual(image.pixels, [1, 2, 3, 250, 251, 252])
    }

    func testRGB16Bit() throws {
        // 0x1234 = 4660 → 4660·255/65535 = 18.1 → 18; 0xABCD = 43981 → 171.1 → 171; 0xFFFF → 255.
        let image = try decode(HandBuiltPNG.make(width: 1, height: 1, bitDepth: 16, colourType: 2,
                                                 scanlines: [0, 0x12, 0x34, 0xAB, 0xCD, 0xFF, 0xFF]))
        XCTAssertEqual(image.pixels, [18, 171, 255])
    }

    func testAdam7Interlaced() throws {
        // 2×2 Adam7 passes (PNG spec §8.2): pass 1 holds (0,0); pass 6 holds (1,0);
        // pass 7 holds row 1, (0,1) and (1,1). Passes 2–5 are empty for a 2×2 image.
        let image = try decode(HandBuiltPNG.make(width: 2, height: 2, bitDepth: 8, colourType: 2, interlaced: true,
                                                 scanlines: [0, 1, 2, 3,
                                                             0, 4, 5, 6,
                                                             0, 7, 8, 9, 10, 11, 12]))
        XCTAssertEqual(image.pixels, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    }
}
