import Foundation
import PromptSyntax
import XCTest

/// Issue 17: `easel-fuzz` found the prompt-editing parser quadratic in the separators of one
/// bracket (each `|` counted the ones before it and copied the bracket's arrays): 16,000 pipes
/// took 19.5 s in a debug build, 32,000 (the 32 KiB limit) would take over a minute. The
/// expected schedules follow the small cases, whose values match A1111 (a `|` with a `:` after
/// it in one bracket is no construct, so the prompt stays as written; `[e|||f]` alternates
/// e, "", "", f by step, as `easel prompt schedule "[e|||f] x" --steps 4` prints).
final class PromptEditingScalingTests: XCTestCase {
    func testThousandsOfSeparatorsInOneBracketAreLinear() throws {
        let pipes = String(repeating: "|", count: 32_000)
        let start = Date()
        let broken = "[e\(pipes)f:0.5] x"
        XCTAssertEqual(try promptSchedule(broken, steps: 20).map(\.text), [broken])
        let alternation = try promptSchedule("[e\(pipes)f] x", steps: 4)
        XCTAssertEqual(alternation.map(\.text), ["e x", " x", " x", " x"])
        XCTAssertLessThan(Date().timeIntervalSince(start), 2, "was over a minute before the fix")
    }
}
