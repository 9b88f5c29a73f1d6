import XCTest
@testable import TUICore

final class RenderProgressTests: XCTestCase {
    /// Hand-computed: step 1 done at 2.0 s (after set-up), step 11 at 7.0 s → 10 steps in 5 s =
    /// 2 it/s; 19 steps left → 9.5 s.
    func testRateExcludesSetUpAndGivesETA() {
        var p = RenderProgress(job: 1, seed: 42, totalSteps: 30)
        XCTAssertNil(p.iterationsPerSecond)
        p.step = 1
        p.elapsed = 2
        p.firstStepAt = 2
        XCTAssertNil(p.iterationsPerSecond)
        p.step = 11
        p.elapsed = 7
        XCTAssertEqual(p.iterationsPerSecond!, 2, accuracy: 1e-12)
        XCTAssertEqual(p.secondsRemaining!, 9.5, accuracy: 1e-12)
        XCTAssertEqual(p.fraction, 11.0 / 30.0, accuracy: 1e-12)
    }
}
