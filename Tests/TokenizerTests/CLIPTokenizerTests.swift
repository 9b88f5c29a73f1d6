import Foundation
import TestSupport
@testable import Tokenizer
import XCTest

final class CLIPTokenizerTests: XCTestCase {
    /// Every case of `tokenizer-cases.json` (transformers 5.24 ids: mixed case, punctuation,
    /// score tags, Cyrillic, CJK, an emoji, HTML entities, an empty string, 90 words).
    func testFixtureCasesMatchTransformers() throws {
        let cases = try TokenizerFixtures.cases()
        XCTAssertEqual(cases.count, 12)
        for testCase in cases {
            XCTAssertEqual(TokenizerFixtures.tokenizer.encode(testCase.text), testCase.ids, "\(testCase.text)")
        }
    }

    /// open_clip's `bpe_simple_vocab_16e6.txt` (installed by `tools/setup.sh` into
    /// `data/clip/`) must give the same ids as the Hugging Face files on every case.
    func testOpenCLIPVocabularyGivesIdenticalIDs() throws {
        let file = Fixtures.repoRoot.appendingPathComponent("data/clip/\(CLIPVocabulary.openCLIPFileName)")
        guard FileManager.default.fileExists(atPath: file.path) else {
            return XCTFail("\(file.path) is missing; run `bash tools/setup.sh` (or `make setup`) first")
        }
        let openCLIP = try CLIPTokenizer(contentsOf: file)
        let huggingFace = TokenizerFixtures.tokenizer
        XCTAssertEqual(openCLIP.vocabulary.count, 49408)
        XCTAssertEqual(openCLIP.vocabulary.ids, huggingFace.vocabulary.ids)
        for testCase in try TokenizerFixtures.cases() {
            XCTAssertEqual(openCLIP.encode(testCase.text), testCase.ids, "\(testCase.text)")
        }
    }

    /// A diffusers model's `tokenizer/` folder (the tiny fixture model ships SD 1.5's).
    func testDiffusersTokenizerFolderGivesIdenticalIDs() throws {
        let tokenizer = try CLIPTokenizer(contentsOf: Fixtures.url("tiny-sd15-diffusers/tokenizer"))
        for testCase in try TokenizerFixtures.cases() {
            XCTAssertEqual(tokenizer.encode(testCase.text), testCase.ids, "\(testCase.text)")
        }
    }

    /// CLIP's special ids and the comma id A1111's chunking uses: `<|startoftext|>` 49406,
    /// `<|endoftext|>` 49407 and `,</w>` 267 in CLIP's `vocab.json`.
    func testSpecialIDs() {
        let tokenizer = TokenizerFixtures.tokenizer
        XCTAssertEqual(tokenizer.startID, 49406)
        XCTAssertEqual(tokenizer.endID, 49407)
        XCTAssertEqual(tokenizer.startID, CLIPTokenizer.startOfText)
        XCTAssertEqual(tokenizer.endID, CLIPTokenizer.endOfText)
        XCTAssertEqual(tokenizer.commaID, 267)
    }

    /// Special tokens written in the text keep their ids (transformers matches added tokens
    /// before normalising); the pieces around them are tokenized normally. "a" is 320 and
    /// "cat" 2368 per the fixture's first case.
    func testSpecialTokensInText() {
        XCTAssertEqual(TokenizerFixtures.tokenizer.encode("a<|endoftext|>cat"), [320, 49407, 2368])
        XCTAssertEqual(TokenizerFixtures.tokenizer.encode("<|startoftext|>a"), [49406, 320])
    }

    /// Whitespace of any kind collapses and is dropped, and case does not matter: the
    /// fixture's "a photo of a cat" ids.
    func testWhitespaceAndCase() {
        let expected = [320, 1125, 539, 320, 2368]
        XCTAssertEqual(TokenizerFixtures.tokenizer.encode(" \t A\nPHOTO\u{00A0} of  a\u{3000}cat  "), expected)
        XCTAssertEqual(TokenizerFixtures.tokenizer.encode("   "), [])
    }

    /// NFC: "café" written with a combining accent is the precomposed "café" of the fixture
    /// case "café naïve 東京 🐱", where it is the first word and the single token 15304.
    func testDecomposedAccentsAreComposed() {
        let precomposed = TokenizerFixtures.tokenizer.encode("caf\u{E9}")
        XCTAssertEqual(precomposed, [15304])
        XCTAssertEqual(TokenizerFixtures.tokenizer.encode("cafe\u{301}"), precomposed)
    }

    /// Results are the same on a second call (served from the word cache) and from several
    /// threads at once.
    func testCacheAndConcurrency() throws {
        let cases = try TokenizerFixtures.cases()
        let tokenizer = try CLIPTokenizer(contentsOf: Fixtures.url("clip-tokenizer"))
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for testCase in cases {
                XCTAssertEqual(tokenizer.encode(testCase.text), testCase.ids)
            }
        }
    }

    /// A 100 KB prompt, and one 100,000-letter word (BPE on a single huge word), finish
    /// quickly. "cat" is the single token 2368 (fixture case "a photo of a cat"); the long
    /// word must encode to tokens that spell it back.
    func testLongInputsAreFast() {
        let tokenizer = TokenizerFixtures.tokenizer
        var start = Date()
        let cats = tokenizer.encode(String(repeating: "cat ", count: 25_000))
        XCTAssertEqual(cats.count, 25_000)
        XCTAssertEqual(Set(cats), [2368])
        let prompt = String(repeating: "a photo of a cat, ", count: 100_000 / 18)
        XCTAssertEqual(tokenizer.encode(prompt).count, 6 * (100_000 / 18))
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)

        let word = String(repeating: "word", count: 25_000)
        start = Date()
        let ids = tokenizer.encode(word)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
        let spelled = tokenizer.tokens(ids).joined().replacingOccurrences(of: "</w>", with: "")
        XCTAssertEqual(spelled, word)
        XCTAssertTrue(tokenizer.tokens(ids).last!.hasSuffix("</w>"))
    }
}
