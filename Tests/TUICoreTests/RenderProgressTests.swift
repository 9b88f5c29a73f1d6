import XCTest
@testable import TUICore

final class RenderProgressTests: XCTestCase {
    /// Hand-computed: step 1 done at 2.0 s (after set-up), step 11 at 7.0 s → 10 steps in 5 s =
    /// 2 it/s; 19 steps left → 9.5 s.
    func testRateExcludesSetUpAndGivesETA() {
        var p = RenderProgress(job: 1, seed: 42, totalSteps: 30)
        XCTAssertNil(p.iterationsPerSecond)
        p.report(step: 1, total: 30, elapsed: 2)
        XCTAssertNil(p.iterationsPerSecond)
        p.report(step: 11, total: 30, elapsed: 7)
        XCTAssertEqual(p.iterationsPerSecond!, 2, accuracy: 1e-12)
        XCTAssertEqual(p.secondsRemaining!, 9.5, accuracy: 1e-12)
        XCTAssertEqual(p.fraction, 11.0 / 30.0, accuracy: 1e-12)
    }

    func testRateStartsAtTheFirstReportedStepEvenWhenStepsAreSkipped() {
        var p = RenderProgress(job: 1, seed: 42, totalSteps: 20)
        p.report(step: 3, total: 20, elapsed: 4)     // 4 s: set-up plus three steps
        p.report(step: 7, total: 20, elapsed: 6)     // 4 steps in 2 s
        XCTAssertEqual(p.iterationsPerSecond!, 2, accuracy: 1e-12)
    }
}
