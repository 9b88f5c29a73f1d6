import Foundation
import TestSupport
import XCTest
@testable import Imaging

/// Bad files give one-line errors naming the file, never a crash.
final class PNGErrorTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws { directory = try Fixtures.temporaryDirectory("easel-png-errors") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    private func validPNG() throws -> [UInt8] {
        var image = RGBImage(width: 16, height: 16)
        for y in 0..<16 { for x in 0..<16 { image[x, y] = RGBColor(red: UInt8(x * 16), green: UInt8(y * 16), blue: 99) } }
        return try PNGEncoder.encode(image, text: ["parameters": "Steps: 20"])
    }

    /// Writes `bytes` to a file, reads it, and returns the error's description.
    private func readError(_ bytes: [UInt8], name: String = "bad.png") throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        do {
            _ = try PNGFile.read(from: url)
        } catch let error as ImageFileError {
            XCTAssertEqual(error.path, url.path)
            XCTAssertFalse(error.description.contains("\n"), "error must be one line: \(error)")
            XCTAssertTrue(error.description.hasPrefix(url.path + ": "))
            return error.reason
        }
        XCTFail("reading \(name) should fail")
        return ""
    }

    func testNotAPNG() throws {
        XCTAssertEqual(try readError(Array("hello, world\n".utf8)), "not a PNG file (bad signature)")
        XCTAssertEqual(try readError([]), "empty file, not a PNG")
        XCTAssertEqual(try readError(Array(try Fixtures.data("tiny-sd15-reference/manifest.json"))),
                       "not a PNG file (bad signature)")
    }

    func testTruncatedFiles() throws {
        let png = try validPNG()
        for cut in [9, 30, png.count / 2, png.count - 1] {
            XCTAssertTrue(try readError(Array(png.prefix(cut))).hasPrefix("truncated PNG file"), "cut at \(cut)")
        }
    }

    func testCRCMismatch() throws {
        var png = try validPNG()
        png[png.count - 20] ^= 0xFF   // inside the IDAT data
        XCTAssertTrue(try readError(png).contains("CRC mismatch in IDAT"))
    }

    /// Corrupt compressed pixel data behind a valid CRC reaches libpng, which must fail cleanly.
    func testCorruptImageDataWithValidCRC() throws {
        let image = HandBuiltPNG.make(width: 4, height: 4, bitDepth: 8, colourType: 2, scanlines: [UInt8](repeating: 0, count: 52))
        var chunks = try PNGChunkReader.chunks(in: image, path: "t")
        let idat = chunks.firstIndex { $0.type == "IDAT" }!
        chunks[idat].data = [0x78, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]   // invalid deflate block type
        let png = PNGChunk.signature + chunks.flatMap { $0.serialized() }
        XCTAssertTrue(try readError(png).hasPrefix("corrupt PNG image data"))
    }

    func testCorruptCompressedText() throws {
        let png = HandBuiltPNG.make(width: 1, height: 1, bitDepth: 8, colourType: 2,
                                    extra: [PNGChunk(type: "zTXt", data: Array("k".utf8) + [0, 0, 0x78, 0xda, 1, 2, 3])],
                                    scanlines: [0, 1, 2, 3])
        XCTAssertTrue(try readError(png).hasPrefix("corrupt zTXt chunk"))
    }

    func testOversizedImageIsRefusedBeforeAllocating() throws {
        // IHDR claims 100000×100000; the data would never fit, but the size check comes first.
        let png = HandBuiltPNG.make(width: 100_000, height: 100_000, bitDepth: 8, colourType: 2, scanlines: [0])
        XCTAssertTrue(try readError(png).contains("over the"))
    }

    func testMissingFileAndDirectory() throws {
        let missing = directory.appendingPathComponent("nope.png")
        XCTAssertThrowsError(try PNGFile.read(from: missing)) {
            XCTAssertEqual("\($0)", "\(missing.path): no such file")
        }
        XCTAssertThrowsError(try PNGFile.read(from: directory)) {
            XCTAssertEqual("\($0)", "\(directory.path): is a directory, not a PNG file")
        }
    }

    func testWritingIntoAMissingDirectoryFailsCleanly() throws {
        let url = directory.appendingPathComponent("no/such/dir/out.png")
        XCTAssertThrowsError(try PNGFile.write(RGBImage(width: 1, height: 1), to: url)) {
            // Issue 17: a folder the caller names is never created; the error says it is missing.
            XCTAssertTrue("\($0)".hasPrefix(url.path + ": folder "), "\($0)")
            XCTAssertTrue("\($0)".hasSuffix("does not exist"), "\($0)")
        }
    }

    /// A failed write (here: an invalid keyword) leaves the existing file untouched and no temp file.
    func testFailedWriteLeavesTheOldFile() throws {
        let url = directory.appendingPathComponent("keep.png")
        try PNGFile.write(RGBImage(width: 1, height: 1, filledWith: .white), text: ["a": "1"], to: url)
        let before = try Data(contentsOf: url)
        XCTAssertThrowsError(try PNGFile.write(RGBImage(width: 2, height: 2), text: ["": "empty key"], to: url)) {
            XCTAssertTrue("\($0)".contains("is not a PNG keyword"), "\($0)")
        }
        XCTAssertThrowsError(try PNGFile.write(RGBImage(width: 0, height: 3), to: url)) {
            XCTAssertEqual("\($0)", "\(url.path): cannot write an empty 0×3 image")
        }
        XCTAssertEqual(try Data(contentsOf: url), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["keep.png"])
    }

    func testInvalidKeywords() {
        for key in ["", String(repeating: "k", count: 80), "猫", "tab\there", "nul\u{0}"] {
            XCTAssertThrowsError(try PNGEncoder.encode(RGBImage(width: 1, height: 1), text: [(key: key, value: "v")]),
                                 "key \(key.debugDescription)")
        }
    }
}
