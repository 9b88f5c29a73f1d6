import XCTest
import TestSupport
import Tokenizer
@testable import PromptKit

/// Token counts with CLIP's vocabulary from `../shared/fixtures/clip-tokenizer`. Expected
/// chunk splits are worked by hand from A1111 `sd_hijack_clip.tokenize_line` (75 tokens per
/// chunk; when a chunk is full and the last comma is at most 20 tokens back, the tokens after
/// it move to the next chunk).
final class CLIPSectionTokenCounterTests: XCTestCase {
    private var tokenizer: CLIPTokenizer!

    override func setUpWithError() throws {
        let folder = Fixtures.url("clip-tokenizer")
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("vocab.json").path) else {
            throw XCTSkip("no CLIP vocabulary at \(folder.path)")
        }
        tokenizer = try CLIPTokenizer(directory: folder)
    }

    private func words(_ word: String, _ n: Int) -> String { Array(repeating: word, count: n).joined(separator: " ") }

    func testCommaBacktrackSplit() throws {
        XCTAssertEqual(tokenizer.encode("cat").count, 1)
        XCTAssertEqual(tokenizer.encode(",").count, 1)
        // 60 cats, a comma (index 60), 20 cats = 81 tokens. The chunk is full at 75 with the
        // comma 15 back (≤ 20), so tokens 61…74 move on: chunks of 61 and 14 + 6 = 20.
        let prompt = words("cat", 60) + ", " + words("cat", 20)
        let counter = CLIPSectionTokenCounter(tokenizer: tokenizer)
        XCTAssertEqual(try counter.sectionTokenCounts(prompt), [81])
        XCTAssertEqual(counter.sectionChunkSizes(prompt), [[61, 20]])
        let warnings = PromptLinter(tokenCounter: counter).lint(LintInput(prompt: prompt, family: .sd15))
        XCTAssertEqual(warnings, [LintWarning(.tokens, "prompt has 81 tokens, more than the 75 of one CLIP chunk; A1111 encodes it as chunks of 61 + 20")])
    }

    func testBreakSectionsEmphasisAndLoraTags() throws {
        let counter = CLIPSectionTokenCounter(tokenizer: tokenizer)
        // Emphasis brackets and weights are not tokens; <lora:…> tags are removed first.
        XCTAssertEqual(try counter.sectionTokenCounts("(cat:1.3) [dog] <lora:film:0.8>"), [2])
        // BREAK closes a section: 70 + 10 tokens stay within one chunk each.
        let twoSections = words("cat", 70) + " BREAK " + words("dog", 10)
        XCTAssertEqual(try counter.sectionTokenCounts(twoSections), [70, 10])
        XCTAssertEqual(PromptLinter(tokenCounter: counter).lint(LintInput(prompt: twoSections, family: .sd15)), [])
        // A long second section is named; no comma, so it splits at 75.
        let longSecond = "cat BREAK " + words("dog", 76)
        XCTAssertEqual(PromptLinter(tokenCounter: counter).lint(LintInput(prompt: longSecond, family: .pony)).filter { $0.rule == .tokens },
                       [LintWarning(.tokens, "prompt section 2 (between BREAKs) has 76 tokens, more than the 75 of one CLIP chunk; A1111 encodes it as chunks of 75 + 1")])
    }

    func testPromptEditingCountsTheLongestVariant() throws {
        let counter = CLIPSectionTokenCounter(tokenizer: tokenizer, steps: 20)
        // [a:b:10]: "cat" for steps 1–10, then three dogs; the longer variant counts.
        XCTAssertEqual(try counter.sectionTokenCounts("[cat:dog dog dog:10]"), [3])
    }

    func testNegativePromptIsCountedToo() throws {
        let linter = PromptLinter(tokenCounter: CLIPSectionTokenCounter(tokenizer: tokenizer))
        let warnings = linter.lint(LintInput(prompt: "cat", negative: words("blurry", 76), family: .sd15))
        XCTAssertEqual(warnings.map(\.message), ["negative prompt has 76 tokens, more than the 75 of one CLIP chunk; A1111 encodes it as chunks of 75 + 1"])
    }

    func testBuiltInsFitInOneChunk() throws {
        let linter = PromptLinter(tokenCounter: CLIPSectionTokenCounter(tokenizer: tokenizer))
        for preset in BuiltinPresets.all {
            XCTAssertEqual(linter.lint(LintInput(preset: preset)), [], preset.name)
        }
    }

    /// Issue 14: an embedding's name counts as its N vectors (A1111's counter shows the slots
    /// the vectors take: `sd_hijack_clip.py` `tokenize_line`). "easynegative" is several BPE
    /// tokens; as a 3-vector embedding it is 3, plus "," and "blurry" = 5. Emphasis does not
    /// change the count.
    func testAnEmbeddingCountsAsItsVectors() throws {
        let plain = CLIPSectionTokenCounter(tokenizer: tokenizer)
        let bpe = tokenizer.encode("easynegative").count
        XCTAssertEqual(try plain.sectionTokenCounts("easynegative, blurry"), [bpe + 2])
        let vocabulary = EmbeddingVocabulary(names: [(name: "easynegative", vectors: 3)], tokenizer: tokenizer)
        let counter = CLIPSectionTokenCounter(tokenizer: tokenizer, embeddings: vocabulary)
        XCTAssertEqual(try counter.sectionTokenCounts("easynegative, blurry"), [5])
        XCTAssertEqual(try counter.sectionTokenCounts("(EasyNegative:1.2), blurry"), [5])
        // 74 cats leave one slot: the 3 vectors start the next chunk (A1111 `PromptChunkFix`).
        XCTAssertEqual(counter.sectionChunkSizes(words("cat", 74) + " easynegative"), [[74, 3]])
    }
}
