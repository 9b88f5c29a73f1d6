import Foundation
import PromptSyntax
import XCTest
@testable import PromptKit

/// Issue 17, items 4, 11 and 12, in PromptKit.
final class HardeningTests: XCTestCase {
    /// Expected values: what A1111's grammar reads back. Before the fix 1e308 was written
    /// `(a:1e+308)`, which `parsePromptAttention` (A1111's `[+-]?[.\d]+` weight) reads as text.
    func testWeightsAlwaysRoundTripThroughTheAttentionParser() {
        for (weight, text, parsed) in [(1e308, "(a:100)", 100.0), (1.2, "(a:1.2)", 1.2), (0.00001, "(a:0.00001)", 0.00001),
                                       (1e-9, "(a:0)", 0.0), (2, "(a:2)", 2.0)] {
            let written = TagDialect.emphasized(["a"], weight: weight)
            XCTAssertEqual(written, [text])
            let spans = parsePromptAttention(written[0])
            XCTAssertEqual(spans.map(\.text), ["a"], text)
            XCTAssertEqual(spans.first?.weight ?? -1, parsed, accuracy: 1e-12, text)
        }
    }

    /// A 10,000-column header used to be listed whole; now ten columns and a count.
    func testAWideStylesHeaderGivesAShortError() {
        let header = (0..<10_000).map { "c\($0)" }.joined(separator: ",")
        XCTAssertThrowsError(try StylesCSV.parse(Data((header + "\n").utf8), path: "s.csv")) {
            XCTAssertEqual("\($0)", "s.csv:1: header must have 'name' and 'prompt' columns (found: c0,c1,c2,c3,c4,c5,c6,c7,c8,c9 and 9990 more)")
        }
    }

    /// The one prompt-text limit reaches styles.csv rows.
    func testAStyleOverTheLimitIsRefused() {
        let long = String(repeating: "a", count: 32 * 1024 + 1)
        XCTAssertThrowsError(try StylesCSV.parse(Data("name,prompt\nBig,\(long)\n".utf8), path: "s.csv")) {
            XCTAssertEqual("\($0)", "s.csv: style 'Big' prompt is 32769 bytes, over the 32768-byte limit for prompt text")
        }
    }
}
