import Foundation
import PromptSyntax
import XCTest

/// Issue 17: unclosed brackets cost a multiplication per span per bracket (A1111's loop), so
/// 10,922 × "(b]" (32 KiB) took 2.5 s in a debug build. The expected weights are A1111's: span k
/// (counting from 1) is 1.0 multiplied by 1.1 k times, in order, as Python computes it. 5,000
/// spans keep the weights finite (1.1^7448 overflows, and equal infinite weights merge).
final class AttentionScalingTests: XCTestCase {
    func testManyUnclosedBracketsAreFastAndExact() {
        let count = 5_000
        let start = Date()
        let spans = parsePromptAttention(String(repeating: "(b]", count: count))
        XCTAssertLessThan(Date().timeIntervalSince(start), 1)
        XCTAssertEqual(spans.count, count)
        var expected = 1.0
        for (index, span) in spans.enumerated() {
            expected *= 1.1
            guard span.text == "b]", span.weight == expected else {
                return XCTFail("span \(index + 1): \(span.text.prefix(8)) \(span.weight), expected \(expected)")
            }
        }
    }

    /// Mixed: round then square brackets left open, with closed groups in between; checked
    /// against A1111's loop written out literally.
    func testMixedUnclosedBracketsMatchTheLiteralLoop() {
        let text = "a ( b [ c (d:1.5) ( e [ f ] g (h) i"
        let spans = parsePromptAttention(text)
        // A1111: closed (d:1.5) → d 1.5; [ f ] → f / 1.1; (h) → h * 1.1. Open: "(" before b and
        // before e (round, 1.1 each), "[" before c (square, 1/1.1).
        func literal(_ base: Double, rounds: Int, squares: Int) -> Double {
            var w = base
            for _ in 0..<rounds { w *= 1.1 }
            for _ in 0..<squares { w *= 1 / 1.1 }
            return w
        }
        let expected: [(String, Double)] = [
            ("a ", 1.0), (" b ", literal(1, rounds: 1, squares: 0)), (" c ", literal(1, rounds: 1, squares: 1)),
            ("d", literal(1.5, rounds: 1, squares: 1)), (" ", literal(1, rounds: 1, squares: 1)),
            (" e ", literal(1, rounds: 2, squares: 1)), (" f ", literal(1 / 1.1, rounds: 2, squares: 1)),
            (" g ", literal(1, rounds: 2, squares: 1)), ("h", literal(1.1, rounds: 2, squares: 1)),
            (" i", literal(1, rounds: 2, squares: 1)),
        ]
        XCTAssertEqual(spans.map(\.text), mergedTexts(expected))
        XCTAssertEqual(spans.map(\.weight), mergedWeights(expected))
    }

    private func merged(_ spans: [(String, Double)]) -> [(String, Double)] {
        var out: [(String, Double)] = []
        for span in spans {
            if let last = out.last, last.1 == span.1 { out[out.count - 1].0 += span.0 } else { out.append(span) }
        }
        return out
    }
    private func mergedTexts(_ spans: [(String, Double)]) -> [String] { merged(spans).map(\.0) }
    private func mergedWeights(_ spans: [(String, Double)]) -> [Double] { merged(spans).map(\.1) }
}
