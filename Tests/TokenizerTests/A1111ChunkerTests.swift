import Foundation
import TestSupport
import XCTest
@testable import Tokenizer

final class A1111ChunkerTests: XCTestCase {
    struct TextCase: Decodable {
        let prompt: String
        let ids: [Int]
        let multipliers: [Double]
        let parse: [ParsedSpan]
    }
    struct ParsedSpan: Decodable {
        let text: String; let weight: Double
        init(from decoder: Decoder) throws {
            var c = try decoder.unkeyedContainer()
            text = try c.decode(String.self); weight = try c.decode(Double.self)
        }
    }
    struct Manifest: Decodable { let text: [TextCase] }

    private func chunker() throws -> A1111Chunker {
        A1111Chunker(tokenizer: try CLIPTokenizerTests.fixtureTokenizer.get())
    }

    /// The manifest's `ids` and `multipliers` (A1111 semantics, made by the fixture tools) for
    /// all four prompts, fed with the manifest's own `parse`.
    func testManifestPromptsGiveManifestIDsAndMultipliers() throws {
        let manifest = try JSONDecoder().decode(Manifest.self, from: Fixtures.data("tiny-sd15-reference/manifest.json"))
        let chunker = try chunker()
        for c in manifest.text {
            let chunks = chunker.chunks(c.parse.map { ($0.text, $0.weight) })
            XCTAssertEqual(chunks.count, 1, c.prompt)
            XCTAssertEqual(chunker.paddedIDs(chunks[0]), c.ids, c.prompt)
            XCTAssertEqual(chunker.paddedMultipliers(chunks[0]), c.multipliers, c.prompt)
        }
    }

    func testEmptyPromptIsOneEmptyChunk() throws {
        let chunks = try chunker().chunks([("", 1.0)])
        XCTAssertEqual(chunks, [PromptChunk()])
        XCTAssertEqual(try chunker().paddedIDs(chunks[0]), [49406] + Array(repeating: 49407, count: 76))
    }

    /// 80 × "cat" (one token each, id 2368) fill chunk 1 with 75 and chunk 2 with 5;
    /// no comma, so no backtrack. Worked out from `tokenize_line` by hand.
    func testLongPromptSplitsAt75() throws {
        let chunks = try chunker().chunks([(String(repeating: "cat ", count: 80), 1.0)])
        XCTAssertEqual(chunks.map(\.tokenCount), [75, 5])
    }

    /// 70 cats, a comma (id 267), then 10 cats: when the chunk is full (75 tokens: 70 cats,
    /// the comma, 4 cats) the next cat finds the comma 4 tokens back (≤ 20), so the 4 cats
    /// after the comma move: chunk 1 = 70 cats + comma (71), chunk 2 = 4 + 6 = 10 cats.
    /// Worked out from `tokenize_line` by hand.
    func testCommaBacktrackMovesTheTail() throws {
        let text = String(repeating: "cat ", count: 70) + ", " + String(repeating: "cat ", count: 10)
        let chunks = try chunker().chunks([(text, 1.0)])
        XCTAssertEqual(chunks.map(\.tokenCount), [71, 10])
        XCTAssertEqual(chunks[0].tokens.last, 267)
    }

    /// A comma more than 20 tokens back does not move anything: 50 cats, comma, 30 cats →
    /// the chunk fills at 75 (50 + 1 + 24) with the comma 24 back, so it simply closes.
    func testCommaTooFarBackDoesNotBacktrack() throws {
        let text = String(repeating: "cat ", count: 50) + ", " + String(repeating: "cat ", count: 30)
        XCTAssertEqual(try chunker().chunks([(text, 1.0)]).map(\.tokenCount), [75, 6])
    }

    /// `BREAK` closes the chunk; the weights stay with their tokens.
    func testBreakStartsANewChunk() throws {
        let chunks = try chunker().chunks([("a cat", 1.0), ("BREAK", -1), ("cat", 1.21)])
        XCTAssertEqual(chunks.map(\.tokens), [[320, 2368], [2368]])
        XCTAssertEqual(chunks[1].multipliers, [1.21])
    }
}
