import XCTest
import TestSupport
@testable import PromptKit

final class GridFileTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws { dir = try Fixtures.temporaryDirectory("grid") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func write(_ text: String, _ name: String = "g.json") throws -> URL {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func testReadsTheDocumentedFormat() throws {
        let url = try write("""
        {
          "family": "flux",
          "who": {"value": "scholar", "qualifier": "old", "weight": 1.2},
          "where": "library",
          "extraTags": ["film grain"],
          "negative": "blurry"
        }
        """)
        let g = try PromptGrid.load(from: url)
        XCTAssertEqual(g.family, .flux)
        XCTAssertEqual(g.who, .init("scholar", "old", weight: 1.2))
        XCTAssertEqual(g.location, .init("library"))
        XCTAssertEqual(g.extraTags, ["film grain"])
        XCTAssertEqual(g.negative, "blurry")
        XCTAssertEqual(g.what, .init())
    }

    /// The one-line JSON a saved image carries its grid in: it round-trips (Unicode included),
    /// and a broken or oversized one is refused with an error naming the image, so the TUI falls
    /// back to the image's plain parameters.
    func testEmbeddedJSONRoundTripsAndBadTextIsRefusedWithTheSourceNamed() throws {
        var grid = BuiltinPresets.animeWaterfall.grid
        grid.location = .init("мост 橋 🌉", "at dusk")
        let text = try grid.jsonText()
        XCTAssertFalse(text.contains("\n"))
        XCTAssertEqual(try PromptGrid.fromJSON(text, source: "a.png"), grid)
        XCTAssertThrowsError(try PromptGrid.fromJSON("{\"what\": ", source: "a.png")) { error in
            XCTAssertTrue("\(error)".hasPrefix("a.png:1:"), "\(error)")
            XCTAssertFalse("\(error)".contains("\n"))
        }
        XCTAssertThrowsError(try PromptGrid.fromJSON("{\"family\": \"dalle\"}", source: "a.png")) { error in
            XCTAssertTrue("\(error)".hasPrefix("a.png"), "\(error)")
        }
        let long = String(repeating: "x", count: PromptGrid.maximumTextBytes + 1)
        XCTAssertThrowsError(try PromptGrid.fromJSON("{\"what\": \"\(long)\"}", source: "a.png")) { error in
            XCTAssertTrue("\(error)".hasPrefix("a.png: 'what.value' is"), "\(error)")
        }
    }

    func testSaveLoadRoundTrip() throws {
        let url = dir.appendingPathComponent("out.json")
        let grid = BuiltinPresets.animeWaterfall.grid
        try grid.save(to: url)
        XCTAssertEqual(try PromptGrid.load(from: url), grid)
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains("\"where\" : {"), text)
        XCTAssertTrue(text.hasSuffix("}\n"))
    }

    func testBrokenJSONNamesFileLineAndColumn() throws {
        let url = try write("{\n  \"who\": \"cat\",\n  \"mood\": calm\n}")
        XCTAssertThrowsError(try PromptGrid.load(from: url)) { error in
            XCTAssertEqual("\(error)", "\(url.path):3:11: invalid JSON: Invalid value")
        }
    }

    func testUnknownKeyNamesTheLine() throws {
        let url = try write("{\n  \"who\": \"cat\",\n  \"colour\": \"red\"\n}")
        XCTAssertThrowsError(try PromptGrid.load(from: url)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(url.path):3: 'colour': unknown key 'colour'; known keys: what, who"), "\(error)")
        }
    }

    func testWrongTypeNamesTheKeyPath() throws {
        let url = try write("{\n  \"who\": {\n    \"value\": \"cat\",\n    \"weight\": \"heavy\"\n  }\n}")
        XCTAssertThrowsError(try PromptGrid.load(from: url)) { error in
            XCTAssertEqual("\(error)", "\(url.path):4: 'who.weight': expected a number")
        }
        let family = try write("{\"family\": \"dalle\"}", "f.json")
        XCTAssertThrowsError(try PromptGrid.load(from: family)) { error in
            XCTAssertEqual("\(error)", "\(family.path):1: 'family': unknown dialect 'dalle'; valid: sd15, sdxl, pony, flux, midjourney, natural")
        }
    }

    func testRowMustBeAStringOrARowObject() throws {
        let number = try write(#"{"who": 5}"#)
        XCTAssertThrowsError(try PromptGrid.load(from: number)) {
            XCTAssertEqual("\($0)", "\(number.path):1: 'who': expected a string or an object with value, qualifier, weight")
        }
        let typo = try write(#"{"who": {"qualifer": "b"}}"#, "typo.json")
        XCTAssertThrowsError(try PromptGrid.load(from: typo)) {
            XCTAssertEqual("\($0)", "\(typo.path):1: 'who.qualifer': unknown key 'qualifer'; known keys: value, qualifier, weight")
        }
        XCTAssertThrowsError(try PromptGrid.load(from: dir)) { XCTAssertEqual("\($0)", "\(self.dir.path): is a directory") }
    }

    func testInvalidUTF8() throws {
        let url = dir.appendingPathComponent("bad.json")
        try Data("{\n \"who\": \"ca".utf8 + [0xFF, 0xFE] + "t\"}".utf8).write(to: url)
        XCTAssertThrowsError(try PromptGrid.load(from: url)) { error in
            XCTAssertEqual("\(error)", "\(url.path):2:12: invalid UTF-8")
        }
    }

    func testHugeTextIsRefused() throws {
        let big = String(repeating: "a", count: 100 * 1024)
        let url = try write("{\"who\": \"\(big)\"}")
        XCTAssertThrowsError(try PromptGrid.load(from: url)) { error in
            XCTAssertEqual("\(error)", "\(url.path): 'who.value' is 102400 bytes, over the 32768-byte limit for prompt text")
        }
    }

    func testMissingFile() {
        let url = dir.appendingPathComponent("none.json")
        XCTAssertThrowsError(try PromptGrid.load(from: url)) { error in
            XCTAssertEqual("\(error)", "\(url.path): no such file")
        }
    }

    func testLineAndColumnCountCharacters() {
        let data = Data("ab\ncé\nxyz".utf8)
        XCTAssertEqual(TextPosition.lineAndColumn(in: data, byteOffset: 0).0, 1)
        let (line, column) = TextPosition.lineAndColumn(in: data, byteOffset: 7)
        XCTAssertEqual(line, 3)
        XCTAssertEqual(column, 1)
        XCTAssertEqual(TextPosition.lineAndColumn(in: data, byteOffset: 6).1, 3, "é is one column though two bytes")
    }
}
