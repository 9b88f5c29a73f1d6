import Catalog
import Foundation
import TestSupport
import XCTest
@testable import Sampling

/// Schedules against the `sigmas` tensors of `../shared/fixtures/tiny-sd15-reference` (made by
/// k-diffusion 0.1.1 `CompVisDenoiser.get_sigmas` / `get_sigmas_karras`) and, for the schedules
/// the fixtures do not cover, against entries of the trained sigma table computed here from
/// the checkpoint's own `alphas_cumprod` tensor.
final class ScheduleTests: XCTestCase {
    private func fixtureSigmas(_ run: String) throws -> [Float] {
        try FixtureTensors("tiny-sd15-reference/\(run).safetensors").values("sigmas")
    }

    /// σ_t = √((1 − ᾱ_t)/ᾱ_t) from the checkpoint's `alphas_cumprod`, in float64.
    private func checkpointSigmaTable() throws -> [Double] {
        try FixtureTensors("tiny-sd15.safetensors").values("alphas_cumprod")
            .map { Double($0) }.map { ((1 - $0) / $0).squareRoot() }
    }

    private func assertClose(_ got: [Float], _ expected: [Float], relative: Float = 1e-6,
                             _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(got.count, expected.count, label, file: file, line: line)
        for (k, (g, e)) in zip(got, expected).enumerated() {
            XCTAssertLessThanOrEqual(abs(g - e), relative * abs(e), "\(label)[\(k)]: \(g) vs \(e)", file: file, line: line)
        }
    }

    func testScaledLinearAlphasCumprodEqualsTheCheckpointTensorBitForBit() throws {
        let checkpoint = try FixtureTensors("tiny-sd15.safetensors").values("alphas_cumprod")
        XCTAssertEqual(ScaledLinearBetas.alphasCumprod(), checkpoint)
    }

    func testNormalMatchesKDiffusionGetSigmas() throws {
        // manifest.json: euler/euler_a/lms use `normal` with 8 steps, heun with 6.
        for (run, steps) in [("euler-normal-s42", 8), ("euler_a-normal-s42", 8), ("lms-normal-s3", 8), ("heun-normal-s7", 6)] {
            assertClose(try Schedule.normal.sigmas(steps: steps), try fixtureSigmas(run), run)
        }
    }

    func testKarrasMatchesKDiffusionGetSigmasKarras() throws {
        // manifest.json: dpmpp_2m uses `karras` with 10 steps.
        assertClose(try Schedule.karras.sigmas(steps: 10), try fixtureSigmas("dpmpp_2m-karras-s1"), "karras")
    }

    func testSimplePicksEveryNthTrainedSigmaFromTheTop() throws {
        // ComfyUI simple_scheduler: ss = 1000/steps, sigmas[-(1 + int(x·ss))]. For 10 steps that
        // is table entries 999, 899, …, 99; for 3 steps int(x·333.33…) = 0, 333, 666 → 999, 666, 333.
        let table = try checkpointSigmaTable()
        let ten = try Schedule.simple.sigmas(steps: 10)
        assertClose(ten, stride(from: 999, through: 99, by: -100).map { Float(table[$0]) } + [0], "simple 10")
        let three = try Schedule.simple.sigmas(steps: 3)
        assertClose(three, [999, 666, 333].map { Float(table[$0]) } + [0], "simple 3")
    }

    func testSGMUniformLandsOnTableEntriesWhenTheSpacingIsWhole() throws {
        // ComfyUI sgm_uniform: linspace(999, 0, steps + 1)[:-1]. With 9 steps the spacing is
        // 111, so t = 999, 888, …, 111 fall on table entries and no interpolation is involved.
        let table = try checkpointSigmaTable()
        let sigmas = try Schedule.sgmUniform.sigmas(steps: 9)
        assertClose(sigmas, stride(from: 999, through: 111, by: -111).map { Float(table[$0]) } + [0], "sgm_uniform 9")
        // With 2 steps t = 999, 499.5: the midpoint in log-sigma, i.e. the geometric mean.
        let two = try Schedule.sgmUniform.sigmas(steps: 2)
        assertClose(two, [Float(table[999]), Float((table[499] * table[500]).squareRoot()), 0], "sgm_uniform 2")
    }

    func testExponentialIsEvenlySpacedInLogSigmaBetweenTheTableEnds() throws {
        // k-diffusion get_sigmas_exponential: exp(linspace(log σmax, log σmin, n)). With n = 5
        // the ratio between neighbours is (σmin/σmax)^(1/4); the ends are the table's ends.
        let table = try checkpointSigmaTable()
        let sigmas = try Schedule.exponential.sigmas(steps: 5)
        let ratio = pow(table[0] / table[999], 0.25)
        assertClose(sigmas, (0..<5).map { Float(table[999] * pow(ratio, Double($0))) } + [0], "exponential 5")
    }

    func testEverySchedulePassesOneStepAndEndsInZero() throws {
        for kind in Schedule.allCases {
            for steps in [1, 2, 7, 30] {
                let sigmas = try kind.sigmas(steps: steps)
                XCTAssertEqual(sigmas.count, steps + 1, "\(kind) \(steps)")
                XCTAssertEqual(sigmas.last, 0, "\(kind) \(steps)")
                XCTAssertEqual(Double(sigmas[0]), DiscreteSigmas.stableDiffusion.sigmaMax, accuracy: 1e-5, "\(kind) \(steps)")
                XCTAssertTrue(zip(sigmas, sigmas.dropFirst()).allSatisfy { $0 > $1 }, "\(kind) \(steps) descends")
            }
        }
    }

    func testCatalogLookupAndErrors() throws {
        XCTAssertEqual(try Schedule(id: "sgm_uniform"), .sgmUniform)
        XCTAssertEqual(Schedule.allCases.map(\.rawValue), ["normal", "karras", "exponential", "sgm_uniform", "simple", "trailing"])
        XCTAssertThrowsError(try Schedule(id: "Karras")) { error in
            XCTAssertEqual("\(error)", "unknown schedule 'Karras' (known: normal, karras, exponential, sgm_uniform, simple, trailing)")
        }
        XCTAssertThrowsError(try Schedule.karras.sigmas(steps: 0)) { error in
            XCTAssertEqual("\(error)", "steps must be between 1 and 10000, got 0")
        }
        XCTAssertThrowsError(try Schedule.normal.sigmas(steps: 10_001))
        XCTAssertEqual(try Schedule.simple.sigmas(steps: 10_000).count, 10_001)
    }
}
