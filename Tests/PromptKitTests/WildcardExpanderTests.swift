import Foundation
import RenderSettings
import XCTest
@testable import PromptKit

/// Dynamic Prompts' syntax (adieyal/dynamicprompts `docs/SYNTAX.md`). The picks are seeded, so
/// each expectation is derived by hand from the syntax alone: a forced choice (one option, or
/// every other weight 0), membership in the options, the same text for the same seed, every
/// option reached over many seeds, and the weights' ratio over many seeds. SplitMix64 is checked
/// against the published first outputs for seed 0 (Vigna's `splitmix64.c`).
final class WildcardExpanderTests: XCTestCase {
    let lists: [String: [String]] = [
        "color": ["red", "green", "blue"],
        "one": ["lonely"],
        "animals/cat": ["tabby {small|big} cat"],
        "nested": ["a __one__ thing"],
        "loop": ["again __loop__"],
    ]

    var expander: WildcardExpander { WildcardExpander { [lists] in lists[$0] } }

    func testSplitMix64PublishedOutputs() {
        var rng = SplitMix64(seed: 0)
        XCTAssertEqual(rng.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(rng.next(), 0x6E78_9E6A_A1B9_65F4)
        XCTAssertEqual(rng.next(), 0x06C4_5D18_8009_454F)
    }

    func testForcedChoicesAndPlainText() {
        XCTAssertEqual(expander.expand("a {cat} on a mat", seed: 1).text, "a cat on a mat")
        XCTAssertEqual(expander.expand("{0::dog|1::cat|0::cow}", seed: 9).text, "cat")
        XCTAssertEqual(expander.expand("__one__ tree", seed: 3).text, "lonely tree")
        XCTAssertEqual(expander.expand("__nested__", seed: 3).text, "a lonely thing")
        XCTAssertEqual(expander.expand("(red:1.2), [a:b:3], \\{x\\}", seed: 3).text, "(red:1.2), [a:b:3], \\{x\\}")
        XCTAssertFalse(expander.expand("plain", seed: 1).changed)
    }

    func testChoicesAreMembersAndReproducible() {
        for seed in UInt64(0)..<50 {
            let text = expander.expand("{a|b|{c|d}} __color__", seed: seed).text
            let parts = text.split(separator: " ").map(String.init)
            XCTAssertTrue(["a", "b", "c", "d"].contains(parts[0]), text)
            XCTAssertTrue(lists["color"]!.contains(parts[1]), text)
            XCTAssertEqual(expander.expand("{a|b|{c|d}} __color__", seed: seed).text, text)
        }
        let seen = Set((UInt64(0)..<200).map { expander.expand("{a|b|{c|d}}", seed: $0).text })
        XCTAssertEqual(seen, ["a", "b", "c", "d"])
    }

    /// `{3::a|b}`: a three times as likely as b, so over 4000 seeds about 3000 a's.
    func testWeightsSetTheOdds() {
        let a = (UInt64(0)..<4000).filter { expander.expand("{3::a|b}", seed: $0).text == "a" }.count
        XCTAssertEqual(Double(a), 3000, accuracy: 150)
    }

    /// `{2$$a|b|c}`: two different options joined by ", "; `{1-2$$…}` one or two.
    func testMultipleChoice() {
        for seed in UInt64(0)..<50 {
            let parts = expander.expand("{2$$a|b|c}", seed: seed).text.components(separatedBy: ", ")
            XCTAssertEqual(parts.count, 2)
            XCTAssertEqual(Set(parts).count, 2)
            XCTAssertTrue(Set(parts).isSubset(of: ["a", "b", "c"]))
        }
        let counts = Set((UInt64(0)..<100).map { expander.expand("{1-2$$a|b|c}", seed: $0).text.components(separatedBy: ", ").count })
        XCTAssertEqual(counts, [1, 2])
    }

    func testSubfolderNamesAndNestedSyntaxInLists() {
        let text = expander.expand("__animals/cat__", seed: 5).text
        XCTAssertTrue(["tabby small cat", "tabby big cat"].contains(text), text)
    }

    func testUnknownNamesStayAndAreReported() {
        let result = expander.expand("a __nope__ and __nope__ and __../etc/passwd__", seed: 1)
        XCTAssertEqual(result.text, "a __nope__ and __nope__ and __../etc/passwd__")
        XCTAssertEqual(result.unknownNames, ["nope"])
        XCTAssertEqual(result.notes, ["wildcard '__nope__': no word list of that name; left as written"])
    }

    func testRecursionStopsAtTheLimit() {
        let result = expander.expand("__loop__", seed: 1)
        XCTAssertEqual(result.text, Array(repeating: "again", count: 16).joined(separator: " ") + " __loop__")
        XCTAssertEqual(result.notes, ["wildcard '__loop__': nested more than 16 deep; left as written"])
    }

    /// Hostile templates: unclosed and deeply nested braces finish quickly and keep the text.
    func testHostileTemplates() {
        let unclosed = String(repeating: "{", count: 30_000)
        XCTAssertEqual(expander.expand(unclosed, seed: 1).text, unclosed)
        let deep = String(repeating: "{", count: 5000) + "x" + String(repeating: "}", count: 5000)
        XCTAssertTrue(expander.expand(deep, seed: 1).text.contains("x"))
        XCTAssertEqual(expander.expand("{a|b", seed: 1).text, "{a|b")
        XCTAssertEqual(expander.expand("____ __ _x_", seed: 1).text, "____ __ _x_")
    }

    func testListFileFormat() {
        XCTAssertEqual(WildcardLibrary.parse("# colours\nred\n\n  green  \r\nblue\n"), ["red", "green", "blue"])
    }
}
