import Catalog
import Foundation
import XCTest
@testable import Sampling

/// ComfyUI's three rules (`SamplingConvention.comfyUI`) against numbers computed from ComfyUI
/// 0.3.64's own formulas, and k-diffusion's (`.kDiffusion`) beside them.
///
/// How the expected numbers were made (numpy, float64, then float32 as ComfyUI keeps them):
/// `betas = linspace(0.00085**0.5, 0.012**0.5, 1000)**2` (`make_beta_schedule("linear")`),
/// `ac = cumprod(1 − betas)`, `sigmas = sqrt((1 − ac)/ac)` (`ModelSamplingDiscrete._register_schedule`),
/// `log_sigmas = log(sigmas)`; `timestep(σ) = argmin |log σ − log_sigmas|`. This gave
/// `sigma_max = 14.614641189575195`, `√(1 + sigma_max²) = 14.648813504855193`, timesteps
/// 354, 169, 673, 866, 992 for σ = 1, 0.5, 3, 7, 14, and for the 8-step Karras schedule
/// (`get_sigmas_karras`, ρ = 7) 999, 890, 746, 549, 299, 90, 12, 0. The square root was
/// checked by hand: 14.6146² = 213.587, +1 = 214.587, √ = 14.6488.
final class SamplingConventionTests: XCTestCase {
    private let table = DiscreteSigmas.stableDiffusion

    func testComfyUIScalesAFullDenoiseByRootOnePlusSigmaSquared() {
        let sigmaMax = Float(table.sigmaMax)
        XCTAssertEqual(StartNoiseScaling.comfyUI.factor(sigma0: sigmaMax, sigmaMax: table.sigmaMax), 14.648813, accuracy: 2e-5)
        XCTAssertEqual(StartNoiseScaling.sigma.factor(sigma0: sigmaMax, sigmaMax: table.sigmaMax), sigmaMax)
        // The 8-step Karras and normal schedules start at sigma_max (within `isclose`'s 1e-5).
        for schedule in [Schedule.karras, .normal] {
            let sigmas = try! schedule.sigmas(steps: 8, model: table)
            XCTAssertEqual(StartNoiseScaling.comfyUI.factor(sigma0: sigmas[0], sigmaMax: table.sigmaMax),
                           (1 + sigmas[0] * sigmas[0]).squareRoot(), "\(schedule)")
        }
    }

    func testComfyUIScalesBySigmaBelowTheTopAsImg2ImgStarts() {
        // `max_denoise` is false unless σ₀ is within rel 1e-5 of sigma_max or above it.
        let below = Float(table.sigmaMax * (1 - 3e-5))
        XCTAssertEqual(StartNoiseScaling.comfyUI.factor(sigma0: below, sigmaMax: table.sigmaMax), below)
        XCTAssertEqual(StartNoiseScaling.comfyUI.factor(sigma0: 7.9029, sigmaMax: table.sigmaMax), 7.9029)
        let justBelow = Float(table.sigmaMax * (1 - 0.5e-5))
        XCTAssertEqual(StartNoiseScaling.comfyUI.factor(sigma0: justBelow, sigmaMax: table.sigmaMax),
                       (1 + justBelow * justBelow).squareRoot())
        XCTAssertEqual(StartNoiseScaling.comfyUI.factor(sigma0: 20, sigmaMax: table.sigmaMax), (401 as Float).squareRoot())
    }

    func testStartLatentAddsScaledNoiseToTheInitLatent() {
        let noise: [Float] = [1, -2, 0.5]
        XCTAssertEqual(StartNoiseScaling.sigma.startLatent(noise: noise, sigma0: 2, sigmaMax: 14.6, initLatent: nil), [2, -4, 1])
        XCTAssertEqual(StartNoiseScaling.comfyUI.startLatent(noise: noise, sigma0: 2, sigmaMax: 14.6, initLatent: [1, 1, 1]),
                       [3, -3, 2])
    }

    func testNearestDiscreteTimestepIsComfyUIsArgmin() {
        for (sigma, t) in [(1.0, 354.0), (0.5, 169), (3, 673), (7, 866), (14, 992)] {
            XCTAssertEqual(TimestepRule.nearestDiscrete.timestep(for: sigma, in: table), t, "σ = \(sigma)")
            // k-diffusion's t lies strictly between timesteps there, within half a step of ComfyUI's.
            let continuous = TimestepRule.interpolated.timestep(for: sigma, in: table)
            XCTAssertNotEqual(continuous, continuous.rounded(), "σ = \(sigma)")
            XCTAssertEqual(continuous, t, accuracy: 0.5)
        }
        let karras = try! Schedule.karras.sigmas(steps: 8, model: table).dropLast()
        XCTAssertEqual(karras.map { TimestepRule.nearestDiscrete.timestep(for: Double($0), in: table) },
                       [999, 890, 746, 549, 299, 90, 12, 0])
        // Either side of the log-midpoint of timesteps 500 and 501.
        let mid = (table.sigmas[500] * table.sigmas[501]).squareRoot()
        XCTAssertEqual(TimestepRule.nearestDiscrete.timestep(for: mid * 0.9999, in: table), 500)
        XCTAssertEqual(TimestepRule.nearestDiscrete.timestep(for: mid * 1.0001, in: table), 501)
        XCTAssertEqual(TimestepRule.interpolated.timestep(for: mid, in: table), 500.5, accuracy: 1e-9)
    }

    func testDenoiserCallsTheModelAtTheRulesTimestep() throws {
        var seen: [Float] = []
        let model: CompVisDenoiser.Model = { x, t in seen.append(t); return x.map { _ in 0 } }
        _ = try CompVisDenoiser(timestep: .nearestDiscrete, model: model)([1], sigma: 1)
        _ = try CompVisDenoiser(model: model)([1], sigma: 1)
        XCTAssertEqual(seen[0], 354)
        XCTAssertEqual(seen[1], Float(table.sigmaToT(1)))
    }

    /// ComfyUI `default_noise_sampler(x, seed)`: a new generator seeded with the seed, so the
    /// first ancestral draw repeats the start noise; k-diffusion's continues the stream.
    func testReseededSamplerNoiseRestartsTheSeedsStream() {
        var fresh = TorchCPUGenerator(seed: 4242)
        let first = fresh.randn(256), second = fresh.randn(256)
        var comfy = SamplerNoiseStream.reseeded.stream(start: TorchCPUGenerator(seed: 4242)) { TorchCPUGenerator(seed: 4242) }
        XCTAssertEqual(comfy.randn(256), first, "start noise: prepare_noise")
        XCTAssertEqual(comfy.randn(256), first, "first ancestral draw: a second generator of the same seed")
        XCTAssertEqual(comfy.randn(256), second)
        var continued = SamplerNoiseStream.continuesStartNoise.stream(start: TorchCPUGenerator(seed: 4242)) { TorchCPUGenerator(seed: 0) }
        XCTAssertEqual(continued.randn(256), first)
        XCTAssertEqual(continued.randn(256), second)
    }
}
