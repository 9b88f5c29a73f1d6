import PromptSyntax
import TestSupport
import XCTest

final class AttentionParserTests: XCTestCase {
    private func parse(_ text: String) -> [[String]] {
        parsePromptAttention(text).map { [$0.text, PythonFloat.repr($0.weight)] }
    }

    /// Every example of `parse_prompt_attention`'s docstring (A1111
    /// `modules/prompt_parser.py`), word for word. Weights are compared as Python prints
    /// them, so `1.5730000000000004` checks the exact float arithmetic.
    func testA1111DocstringExamples() {
        XCTAssertEqual(parse("normal text"), [["normal text", "1.0"]])
        XCTAssertEqual(parse("an (important) word"), [["an ", "1.0"], ["important", "1.1"], [" word", "1.0"]])
        XCTAssertEqual(parse("(unbalanced"), [["unbalanced", "1.1"]])
        XCTAssertEqual(parse("\\(literal\\]"), [["(literal]", "1.0"]])
        XCTAssertEqual(parse("(unnecessary)(parens)"), [["unnecessaryparens", "1.1"]])
        XCTAssertEqual(parse("a (((house:1.3)) [on] a (hill:0.5), sun, (((sky)))."), [
            ["a ", "1.0"],
            ["house", "1.5730000000000004"],
            [" ", "1.1"],
            ["on", "1.0"],
            [" a ", "1.1"],
            ["hill", "0.55"],
            [", sun, ", "1.1"],
            ["sky", "1.4641000000000006"],
            [".", "1.1"],
        ])
    }

    /// The `parse` field of `tiny-sd15-reference/manifest.json` for its four prompts.
    func testReferenceManifestParses() throws {
        struct Manifest: Decodable {
            struct Text: Decodable {
                let prompt: String
                let parse: [[Entry]]
            }
            enum Entry: Decodable, Equatable {
                case text(String), weight(Double)
                init(from decoder: Decoder) throws {
                    let container = try decoder.singleValueContainer()
                    if let text = try? container.decode(String.self) { self = .text(text) } else { self = .weight(try container.decode(Double.self)) }
                }
            }
            let text: [Text]
        }
        let manifest = try JSONDecoder().decode(Manifest.self, from: Fixtures.data("tiny-sd15-reference/manifest.json"))
        XCTAssertEqual(manifest.text.count, 4)
        for reference in manifest.text {
            let expected = reference.parse.map { entry -> WeightedSpan in
                guard case .text(let text) = entry[0], case .weight(let weight) = entry[1] else { fatalError("bad manifest") }
                return WeightedSpan(text, weight)
            }
            XCTAssertEqual(parsePromptAttention(reference.prompt), expected, reference.prompt)
        }
    }

    /// `(((house)))` is 1.0 × 1.1 × 1.1 × 1.1 in that order, `[[x]]` divides twice by 1/1.1
    /// computed once, and an explicit weight multiplies what the outer brackets give.
    func testFloatArithmeticOrder() {
        XCTAssertEqual(parsePromptAttention("(((house)))"), [WeightedSpan("house", 1.0 * 1.1 * 1.1 * 1.1)])
        XCTAssertEqual(parsePromptAttention("[[x]]"), [WeightedSpan("x", 1.0 * (1 / 1.1) * (1 / 1.1))])
        XCTAssertEqual(parsePromptAttention("((x:1.3))"), [WeightedSpan("x", 1.0 * 1.3 * 1.1)])
        XCTAssertEqual(parse("(((house)))"), [["house", "1.3310000000000004"]])
    }

    /// BREAK, checked by running A1111's `parse_prompt_attention` (Python 3.11): a whole
    /// word only, whitespace around it removed, empty pieces kept, brackets multiply it.
    func testBreak() {
        XCTAssertEqual(parsePromptAttention("a BREAK b"), [WeightedSpan("a", 1), .breakMarker, WeightedSpan("b", 1)])
        XCTAssertEqual(parsePromptAttention("BREAK"), [WeightedSpan("", 1), .breakMarker, WeightedSpan("", 1)])
        XCTAssertEqual(parsePromptAttention("aBREAK b BREAKs BREAK_"), [WeightedSpan("aBREAK b BREAKs BREAK_", 1)])
        XCTAssertEqual(parsePromptAttention("x,BREAK,y"), [WeightedSpan("x,", 1), .breakMarker, WeightedSpan(",y", 1)])
        XCTAssertEqual(parsePromptAttention("a \n BREAK\tb"), [WeightedSpan("a", 1), .breakMarker, WeightedSpan("b", 1)])
        let bracketed = parsePromptAttention("(a BREAK b)")
        XCTAssertEqual(bracketed, [WeightedSpan("a", 1.1), WeightedSpan("BREAK", -1.1), WeightedSpan("b", 1.1)])
        XCTAssertFalse(bracketed[1].isBreak)
        XCTAssertTrue(WeightedSpan.breakMarker.isBreak)
    }

    /// Odd input, each expected value taken from A1111's own function run in Python 3.11.
    func testEdgeCasesAgainstA1111() {
        XCTAssertEqual(parse(""), [["", "1.0"]])
        XCTAssertEqual(parse("a \\b \\\\ c"), [["a b \\ c", "1.0"]])
        XCTAssertEqual(parse("a)b]c"), [["a)b]c", "1.0"]])
        XCTAssertEqual(parse("a:1.2) b"), [["a:1.2) b", "1.0"]])
        XCTAssertEqual(parse("(a: 1.2 )"), [["a", "1.2"]])
        XCTAssertEqual(parse("(a:-1)"), [["a", "-1.0"]])
        XCTAssertEqual(parse("(a:1e3)"), [["a:1e3", "1.1"]])
        XCTAssertEqual(parse("[a:2]"), [["a:2", "0.9090909090909091"]])
        XCTAssertEqual(parse("(a [b] c)"), [["a ", "1.1"], ["b", "1.0"], [" c", "1.1"]])
        XCTAssertEqual(parse("([a)]"), [["a", "1.0"]])
        XCTAssertEqual(parse("(a:\u{0661}.\u{0665})"), [["a", "1.5"]])
    }

    /// A weight Python's `float()` rejects makes A1111 raise; Easel reads the `:…)` as text,
    /// like a weight with no bracket to close.
    func testUnparseableWeightIsText() {
        XCTAssertEqual(parse("(a:1.2.3)"), [["a:1.2.3)", "1.1"]])
        XCTAssertEqual(parse("(a:.)"), [["a:.)", "1.1"]])
    }

    /// A 100 KB prompt, and 50,000 nested brackets, parse without trouble.
    func testLargeInputs() {
        let prompt = String(repeating: "(a photo:1.2) of [a cat], ", count: 4000)
        XCTAssertEqual(parsePromptAttention(prompt).count, 4 * 4000)
        let nested = String(repeating: "(", count: 50_000) + "x" + String(repeating: ")", count: 50_000)
        let spans = parsePromptAttention(nested)
        XCTAssertEqual(spans.count, 1)
        XCTAssertEqual(spans[0].weight, .infinity)
    }
}
