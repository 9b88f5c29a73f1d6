import Foundation
import PromptSyntax
import TestSupport
import Tokenizer
import XCTest

final class A1111ChunkerTests: XCTestCase {
    private let chunker = A1111Chunker(tokenizer: TokenizerFixtures.tokenizer)
    /// CLIP ids from the fixture cases: "word" 2653 (the 90-word case), "," 267, "a" 320,
    /// "cat" 2368.
    private let word = 2653, comma = 267, cat = 2368

    private struct Manifest: Decodable {
        struct Text: Decodable {
            let prompt: String
            let ids: [Int]
            let multipliers: [Double]
            let parse: [ParsedSpan]
        }
        struct ParsedSpan: Decodable {
            let text: String
            let weight: Double
            init(from decoder: Decoder) throws {
                var container = try decoder.unkeyedContainer()
                text = try container.decode(String.self)
                weight = try container.decode(Double.self)
            }
        }
        let text: [Text]
    }

    private func manifest() throws -> Manifest {
        try JSONDecoder().decode(Manifest.self, from: Fixtures.data("tiny-sd15-reference/manifest.json"))
    }

    /// The 77 ids and multipliers A1111's semantics give for the four reference prompts
    /// (`tiny-sd15-reference/manifest.json`, made with transformers 5.24), from the prompt text.
    func testReferencePromptsMatchTheManifest() throws {
        let references = try manifest().text
        XCTAssertEqual(references.count, 4)
        for reference in references {
            let chunked = chunker.chunk(reference.prompt)
            XCTAssertEqual(chunked.chunks.count, 1, reference.prompt)
            let chunk = try XCTUnwrap(chunked.chunks.first)
            XCTAssertEqual(chunk.paddedIDs(), reference.ids, reference.prompt)
            XCTAssertEqual(chunk.paddedMultipliers, reference.multipliers, reference.prompt)
            XCTAssertEqual(chunked.tokenCount, reference.ids.filter { $0 != 49406 && $0 != 49407 }.count)
        }
    }

    /// The same, fed with the manifest's own `parse` through the `(text, weight)` entry point.
    func testManifestParseGivesManifestIDsAndMultipliers() throws {
        for reference in try manifest().text {
            let chunks = chunker.chunks(reference.parse.map { ($0.text, $0.weight) })
            XCTAssertEqual(chunks.count, 1, reference.prompt)
            XCTAssertEqual(chunker.paddedIDs(chunks[0]), reference.ids, reference.prompt)
            XCTAssertEqual(chunker.paddedMultipliers(chunks[0]), reference.multipliers, reference.prompt)
        }
    }

    /// The comma backtrack, stepped through A1111's `tokenize_line` by hand (and re-run with a
    /// Python copy of it): 70 words and a comma fill positions 0–70, four more words fill the
    /// chunk to 75. The next word finds the chunk full with the comma 5 places back (≤ 20), so
    /// the chunk ends after the comma (71 tokens) and the four words move on with the rest:
    /// 10 words. Token count 75 + 10.
    func testCommaBacktrackMovesTheTailToTheNextChunk() {
        let prompt = String(repeating: "word ", count: 70) + ", " + String(repeating: "(word:1.5) ", count: 10)
        let chunked = chunker.chunk(prompt)
        XCTAssertEqual(chunked.chunks.map(\.tokenCount), [71, 10])
        XCTAssertEqual(chunked.chunks[0].tokens, Array(repeating: word, count: 70) + [comma])
        XCTAssertEqual(chunked.chunks[1].tokens, Array(repeating: word, count: 10))
        XCTAssertEqual(chunked.chunks[1].multipliers, Array(repeating: 1.5, count: 10))
        XCTAssertEqual(chunked.tokenCount, 85)
    }

    /// The backtrack reaches exactly 20 tokens: comma at position 55, chunk full at 75,
    /// 75 − 55 = 20 ≤ 20, so the chunk ends after the comma (56 tokens). At position 54 the
    /// distance is 21 and the chunk is cut at 75 as usual.
    func testCommaBacktrackLimitIsTwentyTokens() {
        let within = String(repeating: "word ", count: 55) + ", " + String(repeating: "word ", count: 30)
        XCTAssertEqual(chunker.chunk(within).chunks.map(\.tokenCount), [56, 30])
        XCTAssertEqual(chunker.chunk(within).tokenCount, 105)

        let beyond = String(repeating: "word ", count: 54) + ", " + String(repeating: "word ", count: 30)
        XCTAssertEqual(chunker.chunk(beyond).chunks.map(\.tokenCount), [75, 10])

        let noBacktrack = A1111Chunker(tokenizer: TokenizerFixtures.tokenizer, commaPaddingBacktrack: 0)
        XCTAssertEqual(noBacktrack.chunk(within).chunks.map(\.tokenCount), [75, 11])
    }

    /// A comma arriving when the chunk is full: A1111 records its position (75), then starts
    /// a new chunk, which resets the position, so the comma opens chunk 2 and does not count.
    func testCommaThatOverflowsOpensTheNextChunk() {
        let prompt = String(repeating: "word ", count: 75) + ", word"
        let chunked = chunker.chunk(prompt)
        XCTAssertEqual(chunked.chunks.map(\.tokenCount), [75, 2])
        XCTAssertEqual(chunked.chunks[1].tokens, [comma, word])
        XCTAssertEqual(chunked.tokenCount, 77)
    }

    /// BREAK ends the chunk; a trailing BREAK adds nothing; BREAK alone gives one empty chunk
    /// that counts 75; inside brackets BREAK is weighted text ("break" is 2568, "b" 321).
    func testBreak() {
        let split = chunker.chunk("a BREAK b")
        XCTAssertEqual(split.chunks.map(\.tokens), [[320], [321]])
        XCTAssertEqual(split.tokenCount, 76)

        XCTAssertEqual(chunker.chunk("a BREAK").chunks.map(\.tokens), [[320]])
        let alone = chunker.chunk("BREAK")
        XCTAssertEqual(alone.chunks, [PromptChunk()])
        XCTAssertEqual(alone.tokenCount, 75)

        let bracketed = chunker.chunk("(a BREAK b)")
        XCTAssertEqual(bracketed.chunks.map(\.tokens), [[320, 2568, 321]])
        XCTAssertEqual(bracketed.chunks[0].multipliers, [1.1, -1 * 1.1, 1.1])

        let weighted = chunker.chunks([("a cat", 1.0), ("BREAK", -1), ("cat", 1.21)])
        XCTAssertEqual(weighted.map(\.tokens), [[320, cat], [cat]])
        XCTAssertEqual(weighted[1].multipliers, [1.21])
    }

    func testEmptyPromptIsOneEmptyChunk() {
        let chunked = chunker.chunk("")
        XCTAssertEqual(chunked.chunks, [PromptChunk()])
        XCTAssertEqual(chunked.tokenCount, 0)
        XCTAssertEqual(chunker.paddedIDs(chunked.chunks[0]), [49406] + Array(repeating: 49407, count: 76))
        XCTAssertEqual(chunker.chunks([("", 1.0)]), [PromptChunk()])
    }

    /// 80 tokens alternating "word" and ","; token 76 is a comma, which overflows (see
    /// above), so the second chunk holds the last five: comma, word, comma, word, comma.
    func testLongPromptChunkSizes() {
        let chunked = chunker.chunk(String(repeating: "word, ", count: 40))
        XCTAssertEqual(chunked.chunks.map(\.tokenCount), [75, 5])
        XCTAssertEqual(chunked.chunks[1].tokens, [comma, word, comma, word, comma])
        XCTAssertEqual(chunked.tokenCount, 80)
        for chunk in chunked.chunks {
            XCTAssertEqual(chunk.paddedIDs().count, 77)
            XCTAssertEqual(chunk.paddedMultipliers.count, 77)
        }
        // 80 × "cat" with no comma: 75 then 5.
        XCTAssertEqual(chunker.chunk(String(repeating: "cat ", count: 80)).chunks.map(\.tokenCount), [75, 5])
    }
}
