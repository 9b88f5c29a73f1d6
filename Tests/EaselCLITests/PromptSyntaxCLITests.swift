import Foundation
import TestSupport
import XCTest

/// `easel prompt parse|schedule|tokens`, run as the built binary. Expected output comes from
/// A1111's docstrings (parse, schedule) and the fixtures' transformers ids (tokens).
final class PromptSyntaxCLITests: XCTestCase {
    private let vocabulary = Fixtures.url("clip-tokenizer").path

    private func easel(_ arguments: [String], environment: [String: String] = [:]) throws -> EaselProcess.Output {
        try EaselProcess.run(arguments, environment: environment)
    }

    private func assertOutput(_ run: EaselProcess.Output, _ expected: String,
                              file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(run.status, 0, run.stderr, file: file, line: line)
        XCTAssertEqual(run.stderr, "", file: file, line: line)
        XCTAssertEqual(run.stdout, expected, file: file, line: line)
    }

    private func assertOneLineError(_ run: EaselProcess.Output, _ message: String,
                                    file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNotEqual(run.status, 0, file: file, line: line)
        XCTAssertEqual(run.stderr, "Error: \(message)\n", file: file, line: line)
        XCTAssertEqual(run.stdout, "", file: file, line: line)
    }

    // MARK: parse

    /// The last example of `parse_prompt_attention`'s docstring, as JSON with the weights
    /// Python prints.
    func testParseDocstringExample() throws {
        assertOutput(try easel(["prompt", "parse", "a (((house:1.3)) [on] a (hill:0.5), sun, (((sky)))."]),
                     #"[["a ", 1.0], ["house", 1.5730000000000004], [" ", 1.1], ["on", 1.0], [" a ", 1.1], ["hill", 0.55], [", sun, ", 1.1], ["sky", 1.4641000000000006], [".", 1.1]]"# + "\n")
        assertOutput(try easel(["prompt", "parse", "\\(literal\\]"]), #"[["(literal]", 1.0]]"# + "\n")
        assertOutput(try easel(["prompt", "parse", ""]), #"[["", 1.0]]"# + "\n")
    }

    func testParseBreakAndJSONEscaping() throws {
        assertOutput(try easel(["prompt", "parse", "a BREAK b"]), #"[["a", 1.0], ["BREAK", -1], ["b", 1.0]]"# + "\n")
        assertOutput(try easel(["prompt", "parse", "say \"hi\"\t\\\\ \n東京 🐱"]),
                     #"[["say \"hi\"\t\\ \n東京 🐱", 1.0]]"# + "\n")
        assertOutput(try easel(["prompt", "parse", "\u{1}"]), #"[["\u0001", 1.0]]"# + "\n")
    }

    // MARK: schedule

    func testScheduleDoctests() throws {
        assertOutput(try easel(["prompt", "schedule", "a [b:3]", "--steps", "10"]), #"[[3, "a "], [10, "a b"]]"# + "\n")
        assertOutput(try easel(["prompt", "schedule", "a[b:[c:d:2]:1]e", "--steps", "10"]),
                     #"[[1, "abe"], [2, "ace"], [10, "ade"]]"# + "\n")
        assertOutput(try easel(["prompt", "schedule", "[fe|]male", "--steps", "4"]),
                     #"[[1, "female"], [2, "male"], [3, "female"], [4, "male"]]"# + "\n")
        assertOutput(try easel(["prompt", "schedule", "a [b:1.5] c", "--steps", "10", "--hires-steps", "10"]),
                     #"[[5, "a  c"], [10, "a b c"]]"# + "\n")
        assertOutput(try easel(["prompt", "schedule", "a [b:.5] c", "--steps", "10", "--old-scheduling"]),
                     #"[[5, "a  c"], [10, "a b c"]]"# + "\n")
        assertOutput(try easel(["prompt", "schedule", "plain"]), #"[[20, "plain"]]"# + "\n")
    }

    func testScheduleBadSteps() throws {
        assertOneLineError(try easel(["prompt", "schedule", "a", "--steps", "0"]),
                           "--steps must be a whole number from 1 to 10000, got '0'")
        assertOneLineError(try easel(["prompt", "schedule", "a", "--steps=-3"]),
                           "--steps must be a whole number from 1 to 10000, got '-3'")
        assertOneLineError(try easel(["prompt", "schedule", "a", "--steps", "ten"]),
                           "--steps must be a whole number from 1 to 10000, got 'ten'")
        assertOneLineError(try easel(["prompt", "schedule", "a", "--hires-steps", "0"]),
                           "--hires-steps must be a whole number from 1 to 10000, got '0'")
    }

    // MARK: tokens

    /// Ids of the fixture case "a photo of a cat" (transformers' CLIPTokenizer).
    func testTokensOneChunk() throws {
        assertOutput(try easel(["prompt", "tokens", "a photo of a cat", "--vocab", vocabulary]),
                     "chunk 1: 5 tokens: 320 1125 539 320 2368\n")
        assertOutput(try easel(["prompt", "tokens", "", "--vocab", vocabulary]), "chunk 1: 0 tokens\n")
        assertOutput(try easel(["prompt", "tokens", "cat BREAK a", "--vocab", vocabulary]),
                     "chunk 1: 1 token: 2368\nchunk 2: 1 token: 320\n")
    }

    /// The manifest's second prompt: ids and multipliers as in `tiny-sd15-reference/manifest.json`.
    func testTokensJSON() throws {
        let prompt = "(best quality:1.4), anime, solo, waterfall, ((sunbeam)), flower crown"
        assertOutput(try easel(["prompt", "tokens", prompt, "--json", "--vocab", vocabulary]),
                     #"[{"end_step": 20, "text": "(best quality:1.4), anime, solo, waterfall, ((sunbeam)), flower crown", "token_count": 14, "chunks": [{"count": 14, "ids": [949, 3027, 267, 6469, 267, 5797, 267, 16403, 267, 968, 13663, 267, 4055, 6902], "multipliers": [1.4, 1.4, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.2100000000000002, 1.2100000000000002, 1.0, 1.0, 1.0]}]}]"# + "\n")
    }

    /// LoRA tags are removed before tokenizing; prompt editing shows each scheduled text.
    func testTokensWithLoraTagAndPromptEditing() throws {
        assertOutput(try easel(["prompt", "tokens", "<lora:detail:0.8>a [cat:photo:2]", "--steps", "4", "--vocab", vocabulary]), """
            until step 2: a cat
              chunk 1: 2 tokens: 320 2368
            until step 4: a photo
              chunk 1: 2 tokens: 320 1125

            """)
    }

    /// Without `--vocab` the vocabulary is looked up, `$EASEL_DATA_DIR/clip` first.
    func testTokensFindTheVocabularyThroughEaselDataDir() throws {
        let data = try Fixtures.temporaryDirectory("easel-data")
        defer { try? FileManager.default.removeItem(at: data) }
        let clip = data.appendingPathComponent("clip")
        try FileManager.default.createDirectory(at: clip, withIntermediateDirectories: true)
        for name in ["vocab.json", "merges.txt"] {
            try FileManager.default.copyItem(at: Fixtures.url("clip-tokenizer/\(name)"), to: clip.appendingPathComponent(name))
        }
        assertOutput(try easel(["prompt", "tokens", "a cat"], environment: ["EASEL_DATA_DIR": data.path]),
                     "chunk 1: 2 tokens: 320 2368\n")
    }

    func testTokensMissingVocabulary() throws {
        assertOneLineError(try easel(["prompt", "tokens", "a", "--vocab", "/nonexistent/clip"]),
                           "CLIP vocabulary not found (looked in /nonexistent/clip); run `make setup` or `bash tools/setup.sh`")
    }

    // MARK: bad and large input

    func testInvalidUTF8Argument() throws {
        for command in ["parse", "schedule", "tokens"] {
            let run = try EaselProcess.runShell(#""$EASEL" prompt \#(command) "$(printf 'caf\351')""#)
            assertOneLineError(run, "argument 3 is not valid UTF-8")
        }
    }

    /// A prompt at the limit (32 KiB, issue 17's one limit on prompt text) works; one byte past
    /// it is a one-line error. Each repetition is one chunk ended by BREAK: "a photo" 320 1125,
    /// "of" 539, "a cat" 320 2368, "," 267 (fixture ids); the empty text after the last BREAK
    /// adds no chunk. Before issue 17 a 100 KB prompt was accepted here.
    func testPromptAtTheLimitWorksAndPastItIsRefused() throws {
        let prompt = String(repeating: "(a photo:1.2) of [a cat], BREAK ", count: 1024)
        XCTAssertEqual(prompt.utf8.count, 32 * 1024)
        let start = Date()
        let parse = try easel(["prompt", "parse", prompt])
        XCTAssertEqual(parse.status, 0, parse.stderr)
        XCTAssertTrue(parse.stdout.hasPrefix(#"[["a photo", 1.2], [" of ", 1.0], ["a cat", 0.9090909090909091], [",", 1.0], ["BREAK", -1], ["", 1.0], ["a photo", 1.2]"#))
        let schedule = try easel(["prompt", "schedule", prompt, "--steps", "30"])
        XCTAssertEqual(schedule.status, 0, schedule.stderr)
        XCTAssertEqual(schedule.stdout, "[[30, \"" + prompt + "\"]]\n")
        let tokens = try easel(["prompt", "tokens", prompt, "--vocab", vocabulary])
        XCTAssertEqual(tokens.status, 0, tokens.stderr)
        let lines = tokens.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1024)
        XCTAssertEqual(lines.first, "chunk 1: 6 tokens: 320 1125 539 320 2368 267")
        XCTAssertEqual(lines.last, "chunk 1024: 6 tokens: 320 1125 539 320 2368 267")
        XCTAssertLessThan(Date().timeIntervalSince(start), 60)
        for command in ["parse", "schedule", "tokens"] {
            let refused = try easel(["prompt", command, prompt + "x"])
            XCTAssertEqual(refused.status, 1)
            XCTAssertEqual(refused.stderr, "Error: the prompt is 32769 bytes, over the 32768-byte limit for prompt text\n")
        }
    }

    /// Issue 17, item 12: `--prompt=<ZWJ>x` was "Unknown option '--prompt=‍x'": ArgumentParser
    /// looks for the Character "=", and "=" + U+200D is one grapheme cluster.
    func testOptionValueStartingWithAJoiner() throws {
        let result = try easel(["prompt", "lint", "--prompt=\u{200D}x", "--dialect", "sd15"])
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    /// Issue 17, item 10: control characters in an argument come back visible, never raw.
    func testEscapeSequencesAreNotPrinted() throws {
        let result = try easel(["prompt", "lint", "--prompt", "x", "--dialect", "bad\u{1B}]0;title\u{07}"])
        XCTAssertEqual(result.status, 1)
        XCTAssertFalse(result.stderr.contains("\u{1B}"), result.stderr)
        XCTAssertTrue(result.stderr.contains("bad^[]0;title^G"), result.stderr)
        let parse = try easel(["prompt", "parse", "a\u{1B}c\u{9B}b"])
        XCTAssertEqual(parse.stdout, #"[["a\u001bc\u009bb", 1.0]]"# + "\n")
    }
}
