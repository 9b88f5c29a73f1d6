import Foundation
import TestSupport
import XCTest
@testable import Imaging

final class PNGRoundTripTests: XCTestCase {
    /// A 7×5 image where every pixel differs, so row/column mix-ups show.
    private func gradient() -> RGBImage {
        var image = RGBImage(width: 7, height: 5)
        for y in 0..<5 {
            for x in 0..<7 {
                image[x, y] = RGBColor(red: UInt8(x * 36), green: UInt8(y * 60), blue: UInt8((x * 5 + y * 11) % 256))
            }
        }
        return image
    }

    /// A1111-style infotext: multi-line, ASCII (so Latin-1, so written as tEXt).
    private let parameters = "a photo of a cat, (best quality:1.2)\nNegative prompt: blurry\n"
        + "Steps: 20, Sampler: Euler a, Schedule type: Karras, CFG scale: 7, Seed: 42, Size: 512x512"

    /// Checked by hand once with independent tools: a 64×64 PNG written by `PNGFile.write` with these
    /// kinds of text was read by `file` ("PNG image data, 64 x 64, 8-bit/color RGB, non-interlaced")
    /// and by a hand-written Python decoder (zlib + the spec's row filters, every chunk's CRC checked
    /// with `zlib.crc32`), which gave back all 4096 pixels and the three text values exactly; the chunk
    /// order was IHDR, tEXt, tEXt, iTXt, sRGB, IDAT, IEND. (Pillow and pngcheck are not installed here.)
    func testPixelsAndTextSurviveAFileRoundTrip() throws {
        let directory = try Fixtures.temporaryDirectory("easel-png")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("out.png")
        let text: [(key: String, value: String)] = [
            (key: "parameters", value: parameters),
            (key: "Comment", value: "naïve café, ©2024, ½ × ¼"),          // Latin-1 → tEXt
            (key: "Title", value: "кошка на крыше 🐈\n猫\t第二行"),          // not Latin-1 → iTXt
        ]
        try PNGFile.write(gradient(), text: text, to: url)

        let contents = try PNGFile.read(from: url)
        XCTAssertEqual(contents.image, gradient())
        XCTAssertEqual(contents.text, Dictionary(uniqueKeysWithValues: text.map { ($0.key, $0.value) }))
        XCTAssertEqual(try PNGFile.readText(from: url), contents.text)
        // Nothing but the PNG is left in the directory (the temporary file was renamed).
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["out.png"])
    }

    /// Latin-1 values go in tEXt, others in uncompressed iTXt, laid out as Pillow's
    /// `PngInfo.add_text` / `add_itxt` write them (keyword NUL text; keyword NUL 0 0 NUL NUL text).
    func testTextChunkTypesAndLayoutFollowPillow() throws {
        let bytes = try PNGEncoder.encode(gradient(), text: [(key: "parameters", value: "Steps: 20\nSeed: 1"),
                                                             (key: "prompt", value: "猫")])
        let chunks = try PNGChunkReader.chunks(in: bytes, path: "test")
        XCTAssertEqual(chunks.map(\.type).prefix(3), ["IHDR", "tEXt", "iTXt"])
        XCTAssertEqual(chunks[1].data, Array("parameters\u{0}Steps: 20\nSeed: 1".utf8))
        XCTAssertEqual(chunks[2].data, Array("prompt".utf8) + [0, 0, 0, 0, 0] + [0xE7, 0x8C, 0xAB])  // 猫 = U+732B
        XCTAssertEqual(chunks.last?.type, "IEND")
    }

    /// The IEND chunk's CRC is the well-known constant AE 42 60 82 (every PNG ends with these
    /// twelve bytes), which checks the chunk framing and CRC independently of this code.
    func testChunkSerialisationMatchesTheKnownIENDBytes() {
        XCTAssertEqual(PNGChunk(type: "IEND", data: []).serialized(),
                       [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
    }

    /// zTXt and compressed iTXt: the zlib streams below were made with Python's
    /// `zlib.compress(b"Steps: 20, Sampler: Euler a", 9)` and
    /// `zlib.compress("кошка на крыше 🐈".encode(), 9)`.
    func testCompressedTextChunksAreRead() throws {
        let latin: [UInt8] = [0x78, 0xda, 0x0b, 0x2e, 0x49, 0x2d, 0x28, 0xb6, 0x52, 0x30, 0x32, 0xd0, 0x51, 0x08,
                              0x4e, 0xcc, 0x2d, 0xc8, 0x49, 0x2d, 0xb2, 0x52, 0x70, 0x2d, 0x05, 0x52, 0x0a, 0x89,
                              0x00, 0x79, 0x54, 0x08, 0xc4]
        let cyrillic: [UInt8] = [0x78, 0xda, 0xbb, 0xb0, 0xeb, 0xc2, 0xbe, 0x8b, 0x1d, 0x17, 0x76, 0x5d, 0xd8,
                                 0xa0, 0x70, 0x61, 0x2f, 0x88, 0xd8, 0x75, 0xb1, 0xe1, 0x62, 0x37, 0x50, 0x64,
                                 0xab, 0xc2, 0x87, 0xf9, 0x13, 0x3a, 0x00, 0x56, 0xf2, 0x14, 0xa5]
        let png = HandBuiltPNG.make(width: 1, height: 1, bitDepth: 8, colourType: 2, extra: [
            PNGChunk(type: "zTXt", data: Array("parameters".utf8) + [0, 0] + latin),
            PNGChunk(type: "iTXt", data: Array("Title".utf8) + [0, 1, 0] + Array("ru".utf8) + [0]
                     + Array("Заголовок".utf8) + [0] + cyrillic),
        ], scanlines: [0, 10, 20, 30])
        let contents = try PNGDecoder.decode(png, path: "hand.png")
        XCTAssertEqual(contents.text, ["parameters": "Steps: 20, Sampler: Euler a", "Title": "кошка на крыше 🐈"])
        XCTAssertEqual(contents.image[0, 0], RGBColor(red: 10, green: 20, blue: 30))
    }

    /// A repeated keyword keeps its last value, like Pillow's `Image.info`.
    func testRepeatedKeywordKeepsTheLastValue() throws {
        let bytes = try PNGEncoder.encode(gradient(), text: [(key: "k", value: "first"), (key: "k", value: "second")])
        XCTAssertEqual(try PNGDecoder.decodeText(bytes), ["k": "second"])
    }

    /// Dictionary text is written in key order, so the same input gives the same bytes.
    func testDictionaryTextIsWrittenInKeyOrder() throws {
        let bytes = try PNGEncoder.encode(gradient(), text: ["b": "2", "a": "1", "c": "3"])
        XCTAssertEqual(try PNGChunkReader.chunks(in: bytes, path: "t").filter { $0.type == "tEXt" }.map(\.data),
                       [Array("a\u{0}1".utf8), Array("b\u{0}2".utf8), Array("c\u{0}3".utf8)])
    }

    func testWritingReplacesAnExistingFile() throws {
        let directory = try Fixtures.temporaryDirectory("easel-png")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("same.png")
        try PNGFile.write(RGBImage(width: 2, height: 2, filledWith: .white), to: url)
        try PNGFile.write(gradient(), text: ["n": "2"], to: url)
        XCTAssertEqual(try PNGFile.read(from: url), PNGContents(image: gradient(), text: ["n": "2"]))
    }
}
