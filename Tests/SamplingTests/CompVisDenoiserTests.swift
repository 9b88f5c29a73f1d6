import Foundation
import XCTest
@testable import Sampling

/// The k-diffusion `CompVisDenoiser` wrapper, checked with stand-in models whose output is known.
final class CompVisDenoiserTests: XCTestCase {
    private let table = DiscreteSigmas.stableDiffusion

    func testSigmaToTIsTheTimestepOnTableEntriesAndInvertsTToSigma() {
        XCTAssertEqual(table.sigmaToT(table.sigmaMax), 999, accuracy: 1e-9)
        XCTAssertEqual(table.sigmaToT(table.sigmaMin), 0, accuracy: 1e-9)
        XCTAssertEqual(table.sigmaToT(table.sigmas[500]), 500, accuracy: 1e-9)
        for t in [0.0, 0.25, 1.5, 123.456, 500.5, 998.999, 999] {
            XCTAssertEqual(table.sigmaToT(table.tToSigma(t)), t, accuracy: 1e-9, "t = \(t)")
        }
        // Outside the table, k-diffusion clamps w to [0, 1]: t stays in [0, 999].
        XCTAssertEqual(table.sigmaToT(1e-4), 0)
        XCTAssertEqual(table.sigmaToT(100), 999)
        XCTAssertEqual(table.tToSigma(-5), table.sigmaMin, accuracy: 1e-12)
        XCTAssertEqual(table.tToSigma(.nan), table.sigmaMin, accuracy: 1e-12)
        XCTAssertEqual(table.tToSigma(.infinity), table.sigmaMax, accuracy: 1e-12)
    }

    func testSigmaTableEndsMatchTheWellKnownSD15Values() {
        // A1111 and ComfyUI report σmin ≈ 0.0292 and σmax ≈ 14.6146 for SD 1.x.
        XCTAssertEqual(table.sigmaMin, 0.0291675, accuracy: 1e-6)
        XCTAssertEqual(table.sigmaMax, 14.614642, accuracy: 1e-5)
    }

    func testEpsilonWrapperScalesInputPassesContinuousTAndSubtractsSigmaTimesEps() throws {
        var seen: (input: [Float], t: Float)?
        let denoiser = CompVisDenoiser { input, t in
            seen = (input, t)
            return input.map { _ in 0.5 }
        }
        let sigma: Float = 2.0
        let x: [Float] = [1, -2, 3]
        let out = try denoiser(x, sigma: sigma)
        // c_in = 1/√(σ²+1) = 1/√5; denoised = x + eps·(−σ) = x − 1.
        let cIn = Float(1 / 5.0.squareRoot())
        XCTAssertEqual(seen?.input ?? [], x.map { $0 * cIn })
        XCTAssertEqual(Double(seen?.t ?? -1), table.sigmaToT(2.0), accuracy: 1e-3)
        XCTAssertEqual(out, [0, -3, 2])
    }

    func testVWrapperUsesKDiffusionVScalings() throws {
        // DiscreteVDDPMDenoiser: x·1/(σ²+1) + v·(−σ/√(σ²+1)). At σ = 1 with v = 1:
        // x/2 − 1/√2.
        let denoiser = CompVisDenoiser(prediction: .v) { input, _ in input.map { _ in 1 } }
        let out = try denoiser([2, 4], sigma: 1)
        XCTAssertEqual(out[0], Float(1 - 1 / 2.0.squareRoot()), accuracy: 1e-6)
        XCTAssertEqual(out[1], Float(2 - 1 / 2.0.squareRoot()), accuracy: 1e-6)
    }

    func testWrongModelOutputSizeIsAnError() {
        let denoiser = CompVisDenoiser { _, _ in [1] }
        XCTAssertThrowsError(try denoiser([1, 2], sigma: 1)) { error in
            XCTAssertEqual("\(error)", "denoiser returned 1 values for an input of 2")
        }
    }

    func testBadAlphasCumprodIsAnError() {
        XCTAssertThrowsError(try DiscreteSigmas(alphasCumprod: [0.5])) { error in
            XCTAssertEqual("\(error)", "invalid alphas_cumprod: need at least 2 values, got 1")
        }
        XCTAssertThrowsError(try DiscreteSigmas(alphasCumprod: [0.9, 1.5])) { error in
            XCTAssertEqual("\(error)", "invalid alphas_cumprod: value 1.5 at index 1 is not in (0, 1)")
        }
        XCTAssertThrowsError(try DiscreteSigmas(alphasCumprod: [0.5, 0.9]))
        XCTAssertNoThrow(try DiscreteSigmas(alphasCumprod: ScaledLinearBetas.alphasCumprod()))
    }
}
