import Foundation
import TestSupport
import XCTest
@testable import Tokenizer

/// Ids must equal transformers' `CLIPTokenizer` output stored in the fixtures
/// (`tokenizer-cases.json`, made with `add_special_tokens=False`).
final class CLIPTokenizerTests: XCTestCase {
    struct Case: Decodable { let text: String; let ids: [Int] }

    static let fixtureTokenizer = Result { try CLIPTokenizer(directory: Fixtures.url("clip-tokenizer")) }

    private func cases() throws -> [Case] {
        try JSONDecoder().decode([Case].self, from: Fixtures.data("tokenizer-cases.json"))
    }

    func testEveryFixtureCaseMatchesTransformers() throws {
        let tokenizer = try Self.fixtureTokenizer.get()
        let all = try cases()
        XCTAssertGreaterThanOrEqual(all.count, 10)
        for c in all {
            XCTAssertEqual(tokenizer.encode(c.text), c.ids, "text: \(c.text)")
        }
    }

    /// open_clip's `bpe_simple_vocab_16e6.txt` (what set-up installs in `data/clip`) must give
    /// the same ids as the Hugging Face files, on every fixture case.
    func testSimpleVocabularyFileGivesTheSameIDs() throws {
        let folder = Fixtures.repoRoot.appendingPathComponent("data/clip")
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("bpe_simple_vocab_16e6.txt").path) else {
            throw XCTSkip("data/clip/bpe_simple_vocab_16e6.txt is installed by tools/setup.sh")
        }
        let simple = try CLIPTokenizer(directory: folder)
        let hf = try Self.fixtureTokenizer.get()
        XCTAssertEqual(simple.vocabulary.ids.count, 49408)
        XCTAssertEqual(simple.vocabulary.ids, hf.vocabulary.ids)
        for c in try cases() { XCTAssertEqual(simple.encode(c.text), c.ids, "text: \(c.text)") }
    }

    func testSpecialTokenIDs() throws {
        let tokenizer = try Self.fixtureTokenizer.get()
        XCTAssertEqual(tokenizer.startID, CLIPTokenizer.startOfText)
        XCTAssertEqual(tokenizer.endID, CLIPTokenizer.endOfText)
        XCTAssertEqual(tokenizer.commaID, 267)   // ",</w>" in vocab.json
    }

    func testMissingVocabularyNamesTheFolder() {
        XCTAssertThrowsError(try CLIPTokenizer(directory: URL(fileURLWithPath: "/nonexistent/clip"))) {
            XCTAssertTrue("\($0)".contains("/nonexistent/clip"))
            XCTAssertTrue("\($0)".contains("make setup"))
        }
    }

    func testBrokenVocabularyJSONIsAnError() throws {
        let dir = try Fixtures.temporaryDirectory()
        try Data("{not json".utf8).write(to: dir.appendingPathComponent("vocab.json"))
        try Data("#version: 0.2\n".utf8).write(to: dir.appendingPathComponent("merges.txt"))
        XCTAssertThrowsError(try CLIPTokenizer(directory: dir)) { XCTAssertTrue("\($0)".contains("vocab.json")) }
    }

    /// A 100 KB prompt tokenizes (the word cache keeps it fast) into one id per word here:
    /// "cat" is a single token, 2368 (fixture case "a photo of a cat").
    func testLongPromptTokenizes() throws {
        let tokenizer = try Self.fixtureTokenizer.get()
        let text = String(repeating: "cat ", count: 25_000)
        let ids = tokenizer.encode(text)
        XCTAssertEqual(ids.count, 25_000)
        XCTAssertEqual(Set(ids), [2368])
    }
}
