import XCTest
@testable import PromptKit

final class PromptLinterTests: XCTestCase {
    private let linter = PromptLinter()

    private func rules(_ input: LintInput) -> [LintWarning.Rule] { linter.lint(input).map(\.rule) }

    func testBuiltInPresetsAreCleanInTheirOwnDialect() {
        for preset in BuiltinPresets.all {
            XCTAssertEqual(linter.lint(LintInput(preset: preset)), [], preset.name)
        }
    }

    func testCFGMoreThanTwoAway() {
        XCTAssertEqual(linter.lint(LintInput(prompt: "a cat", family: .flux, cfg: 7)),
                       [LintWarning(.cfg, "CFG 7 is more than 2 away from flux's recommended 3.5")])
        XCTAssertEqual(rules(LintInput(prompt: "a cat", family: .sd15, cfg: 9)), [], "exactly 2 away is fine")
        XCTAssertEqual(rules(LintInput(prompt: "a cat", family: .sd15, cfg: 9.5)), [.cfg])
        XCTAssertEqual(rules(LintInput(prompt: "a cat", family: .natural, cfg: 20)), [], "hosted models have no CFG")
    }

    /// SD 1.5 degrades above 768 px and FLUX must not exceed 1280 (the guide).
    func testSideTooLarge() {
        XCTAssertEqual(linter.lint(LintInput(prompt: "cat", family: .sd15, width: 1024, height: 768)),
                       [LintWarning(.size, "width 1024 is above sd15's maximum side of 768 px")])
        XCTAssertEqual(rules(LintInput(prompt: "cat", family: .flux, width: 1280, height: 1280)), [])
        XCTAssertEqual(rules(LintInput(prompt: "cat", family: .flux, width: 1024, height: 1344)), [.size])
    }

    func testNegativeAndQualityTagsOnFlux() {
        let input = LintInput(prompt: "A cat, masterpiece, (best quality:1.4), 8K, score_9.", negative: "blurry", family: .flux)
        XCTAssertEqual(linter.lint(input), [
            LintWarning(.negative, "flux takes no negative prompt; it is ignored"),
            LintWarning(.qualityTags, "quality tags do nothing for flux: masterpiece, best quality, 8k, score_9"),
        ])
        XCTAssertEqual(rules(LintInput(prompt: "masterpiece, cat", negative: "blurry", family: .sd15)), [])
        // "8k" inside a word is not a tag.
        XCTAssertEqual(rules(LintInput(prompt: "A robot named X8kz.", family: .flux)), [])
    }

    func testFluxGridWithNegativeIsReported() {
        var preset = BuiltinPresets.fluxScholar
        preset.grid.negative = "blurry"
        XCTAssertEqual(rules(LintInput(preset: preset)), [.negative])
    }

    func testMoreThan100WordsOnNatural() {
        let text = Array(repeating: "word", count: 101).joined(separator: " ")
        XCTAssertEqual(linter.lint(LintInput(prompt: text, family: .natural)),
                       [LintWarning(.words, "101 words; natural prompts should stay within 100")])
        XCTAssertEqual(rules(LintInput(prompt: Array(repeating: "w", count: 100).joined(separator: " "), family: .natural)), [])
    }

    func testNaturalTrimmingIsReported() {
        var preset = BuiltinPresets.fluxScholar
        preset.grid.extraTags = (1...80).map { "detail\($0)" }
        XCTAssertEqual(linter.lint(LintInput(preset: preset, family: .natural)),
                       [LintWarning(.dialect, "left out the details sentence to stay within 100 words")])
    }

    func testQuotedTextOnMidjourney() {
        XCTAssertEqual(linter.lint(LintInput(preset: BuiltinPresets.fluxScholar, family: .midjourney)),
                       [LintWarning(.quotedText, "Midjourney cannot draw text; quoted \"flux\" will not be lettered")])
        XCTAssertEqual(rules(LintInput(prompt: "a sign saying “open”", family: .midjourney)), [.quotedText])
        XCTAssertEqual(rules(LintInput(prompt: "a sign saying \"open\"", family: .flux)), [])
    }

    func testMissingScorePrefixOnPony() {
        XCTAssertEqual(linter.lint(LintInput(prompt: "1girl, horns", family: .pony)),
                       [LintWarning(.scorePrefix, "Pony prompts start with score_9, score_8_up, score_7_up; this one starts with '1girl'")])
        XCTAssertEqual(rules(LintInput(prompt: "score_9, score_8_up, 1girl", family: .pony)), [])
        XCTAssertEqual(rules(LintInput(prompt: "1girl", family: .sd15)), [])
        var preset = BuiltinPresets.dreamcoreChurch
        preset.dialect = .pony
        XCTAssertEqual(rules(LintInput(preset: preset)), [], "the pony dialect writes the prefix")
    }

    func testWarningLineFormat() {
        XCTAssertEqual("\(LintWarning(.qualityTags, "x"))", "quality-tags: x")
    }
}
