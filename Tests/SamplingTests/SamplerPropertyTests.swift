import Catalog
import Foundation
import XCTest
@testable import Sampling

/// Mathematical properties of the samplers on the exact Gaussian denoiser (see
/// `GaussianDenoiser`), independent of any transcription of k-diffusion.
final class SamplerPropertyTests: XCTestCase {
    private let model = GaussianDenoiser(means: [0.3, -0.8, 1.5], spread: 0.5)
    private let x0: [Float] = [9.1, -6.4, 2.2]

    /// Largest error against the closed-form ODE solution after `steps` steps of a geometric
    /// schedule from σ = 10 to σ = 0.1 (no final step to 0, so every step is a regular one).
    private func odeError(_ kind: Sampler, steps: Int) throws -> Double {
        let sigmas = (0...steps).map { Float(10 * pow(0.01, Double($0) / Double(steps))) }
        var noise: any NoiseSource = ScriptedNoise([0])
        let out = try kind.sample(model.denoiser, x: x0, sigmas: sigmas, noise: &noise)
        return x0.indices.map {
            abs(Double(out[$0]) - model.odeSolution(from: Double(x0[$0]), at: 10, to: Double(sigmas[steps]), element: $0))
        }.max() ?? .infinity
    }

    /// Doubling the steps halves a first-order method's error and quarters a second-order one's.
    func testDeterministicSamplersConvergeToTheExactODESolutionAtTheirOrder() throws {
        let expectations: [(Sampler, ClosedRange<Double>, Double)] = [
            (.euler, 0.45...0.56, 2e-2),     // first order
            (.heun, 0.18...0.30, 1e-3),      // second order
            (.dpm2, 0.18...0.30, 5e-4),      // second order
            (.dpmpp2m, 0.15...0.35, 5e-4),   // second order (multistep, first step first order)
            (.lms, 0.02...0.15, 2e-4),       // up to fourth order once enough history exists
        ]
        for (kind, ratioRange, bound) in expectations {
            let coarse = try odeError(kind, steps: 20), fine = try odeError(kind, steps: 40)
            XCTAssertTrue(ratioRange.contains(fine / coarse), "\(kind.rawValue): error ratio \(fine / coarse)")
            XCTAssertLessThan(fine, bound, "\(kind.rawValue): error \(fine) at 40 steps")
        }
    }

    /// For the Gaussian denoiser one euler_a step maps x − μ to k·(x − μ) + σ_up·ξ with
    /// k = 1 + (σ_down − σ)/σ · σ²/(s² + σ²) (and to s²/(s² + σ²)·(x − μ) on the last step), so the
    /// mean and variance of the result follow exactly; 20 000 samples from the torch generator
    /// must agree within sampling error.
    func testEulerAncestralNoiseGivesTheExactPredictedVariance() throws {
        let count = 20_000, mu = 0.3, s = 0.5
        let gaussian = GaussianDenoiser(means: Array(repeating: mu, count: count), spread: s)
        let sigmas = try Schedule.karras.sigmas(steps: 10)
        var generator: any NoiseSource = TorchCPUGenerator(seed: 31337)
        let start = (s * s + Double(sigmas[0] * sigmas[0])).squareRoot()
        let x = generator.randn(count).map { Float(mu + start * Double($0)) }
        let out = try Sampler.eulerA.sample(gaussian.denoiser, x: x, sigmas: sigmas, noise: &generator)

        var variance = start * start
        for i in 0..<(sigmas.count - 1) {
            let sigma = Double(sigmas[i]), next = Double(sigmas[i + 1])
            let up = next * (1 - next * next / (sigma * sigma)).squareRoot()
            let down = (next * next - up * up).squareRoot()
            let k = 1 + (down - sigma) / sigma * sigma * sigma / (s * s + sigma * sigma)
            variance = k * k * variance + (next > 0 ? up * up : 0)
        }
        let mean = out.reduce(0.0) { $0 + Double($1) } / Double(count)
        let sampleVariance = out.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(count - 1)
        XCTAssertEqual(mean, mu, accuracy: 4 * (variance / Double(count)).squareRoot())
        XCTAssertEqual(sampleVariance, variance, accuracy: 4 * variance * (2 / Double(count)).squareRoot())
        XCTAssertLessThan(variance, s * s)  // 10 ancestral steps undershoot the data variance
    }

    /// With enough steps every stochastic sampler turns N(μ, s² + σ₀²) into about N(μ, s²).
    /// LCM is left out: it returns its last denoised estimate, the posterior mean, whose spread
    /// is below s by design (consistency models jump to the estimate).
    func testStochasticSamplersReachTheDataDistribution() throws {
        let count = 6_000, mu = 0.3, s = 0.5
        let gaussian = GaussianDenoiser(means: Array(repeating: mu, count: count), spread: s)
        let sigmas = try Schedule.karras.sigmas(steps: 60)
        for kind in Sampler.allCases where kind.isStochastic && kind != .lcm {
            var generator: any NoiseSource = TorchCPUGenerator(seed: 7)
            let start = (s * s + Double(sigmas[0] * sigmas[0])).squareRoot()
            let x = generator.randn(count).map { Float(mu + start * Double($0)) }
            let out = try kind.sample(gaussian.denoiser, x: x, sigmas: sigmas, noise: &generator)
            let mean = out.reduce(0.0) { $0 + Double($1) } / Double(count)
            let std = (out.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(count - 1)).squareRoot()
            XCTAssertEqual(mean, mu, accuracy: 0.03, kind.rawValue)
            XCTAssertEqual(std, s, accuracy: 0.04, kind.rawValue)
        }
    }

    /// One `randn` per noise injection: k-diffusion skips the noise on the last step to σ = 0,
    /// and `dpmpp_sde` adds noise twice per step.
    func testNoiseDrawsPerSampler() throws {
        let sigmas: [Float] = [10, 5.5, 3, 1.25, 0.6, 0.2, 0]
        let expected: [Sampler: Int] = [
            .euler: 0, .heun: 0, .dpm2: 0, .lms: 0, .dpmpp2m: 0,
            .eulerA: 5, .dpm2A: 5, .dpmpp2sA: 5, .dpmpp2mSDE: 5, .dpmppSDE: 10, .lcm: 5,
        ]
        for kind in Sampler.allCases {
            var noise: any NoiseSource = ScriptedNoise([0.5, -0.5])
            _ = try kind.sample(model.denoiser, x: x0, sigmas: sigmas, noise: &noise)
            XCTAssertEqual((noise as? ScriptedNoise)?.calls, expected[kind], kind.rawValue)
            XCTAssertEqual(kind.isStochastic, expected[kind] != 0, kind.rawValue)
        }
    }

    /// `evaluationsPerStep` agrees with the model calls on a schedule without a final 0.
    func testEvaluationsPerStep() throws {
        let sigmas: [Float] = [10, 4, 1.5, 0.5]
        for kind in Sampler.allCases {
            var calls = 0
            let counting: Denoiser = { x, sigma in calls += 1; return try self.model.denoiser(x, sigma) }
            var noise: any NoiseSource = ScriptedNoise([0.1])
            _ = try kind.sample(counting, x: x0, sigmas: sigmas, noise: &noise)
            XCTAssertEqual(calls, kind.evaluationsPerStep * 3, kind.rawValue)
        }
    }
}
