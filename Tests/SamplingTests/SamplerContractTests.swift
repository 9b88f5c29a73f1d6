import Catalog
import XCTest
@testable import Sampling

/// The calling contract shared by all samplers: callbacks, cancellation, bad denoisers, the
/// catalog.
final class SamplerContractTests: XCTestCase {
    private struct Cancelled: Error {}
    private let model = GaussianDenoiser(means: [0.1, 0.2], spread: 1)
    private let sigmas: [Float] = [8, 3, 1, 0.3, 0]

    func testCallbackSeesEveryStepOnceWithItsSigmaAndDenoisedEstimate() throws {
        for kind in Sampler.allCases {
            var seen: [SamplerStep] = []
            var noise: any NoiseSource = ScriptedNoise([0.2])
            _ = try kind.sample(model.denoiser, x: [4, -4], sigmas: sigmas, noise: &noise) { seen.append($0) }
            XCTAssertEqual(seen.map(\.step), [0, 1, 2, 3], kind.rawValue)
            XCTAssertEqual(seen.map(\.total), [4, 4, 4, 4], kind.rawValue)
            XCTAssertEqual(seen.map(\.sigma), Array(sigmas.dropLast()), kind.rawValue)
            XCTAssertEqual(seen[0].x, [4, -4], kind.rawValue)
            XCTAssertEqual(seen[0].denoised, try model.denoiser([4, -4], 8), kind.rawValue)
        }
    }

    func testThrowingFromTheCallbackStopsBeforeTheNextModelCall() throws {
        for kind in Sampler.allCases {
            var calls = 0
            let counting: Denoiser = { x, sigma in calls += 1; return try self.model.denoiser(x, sigma) }
            var noise: any NoiseSource = ScriptedNoise([0.2])
            XCTAssertThrowsError(try kind.sample(counting, x: [4, -4], sigmas: sigmas, noise: &noise) { step in
                if step.step == 1 { throw Cancelled() }
            }) { XCTAssertTrue($0 is Cancelled, kind.rawValue) }
            // Step 0 took evaluationsPerStep calls, step 1 stopped right after its first.
            XCTAssertEqual(calls, kind.evaluationsPerStep + 1, kind.rawValue)
        }
    }

    func testDenoiserReturningTheWrongSizeIsAnError() {
        let broken: Denoiser = { x, _ in Array(x.dropLast()) }
        for kind in Sampler.allCases {
            var noise: any NoiseSource = ScriptedNoise([0.2])
            XCTAssertThrowsError(try kind.sample(broken, x: [1, 2, 3], sigmas: sigmas, noise: &noise)) {
                XCTAssertEqual("\($0)", "denoiser returned 2 values for an input of 3", kind.rawValue)
            }
        }
    }

    func testNoiseSourceReturningTheWrongSizeIsAnError() {
        struct Short: NoiseSource { mutating func randn(_ count: Int) -> [Float] { [0] } }
        var noise: any NoiseSource = Short()
        XCTAssertThrowsError(try sampleEulerAncestral(model.denoiser, x: [1, 2], sigmas: sigmas, noise: &noise)) {
            XCTAssertEqual("\($0)", "noise source returned 1 samples where 2 were asked for")
        }
    }

    func testFewerThanTwoSigmasLeaveTheInputAlone() throws {
        for kind in Sampler.allCases {
            var noise: any NoiseSource = ScriptedNoise([0.2])
            XCTAssertEqual(try kind.sample(model.denoiser, x: [1, 2], sigmas: [5], noise: &noise), [1, 2])
            XCTAssertEqual(try kind.sample(model.denoiser, x: [1, 2], sigmas: [], noise: &noise), [1, 2])
        }
    }

    func testCatalogIdsAndLookup() throws {
        XCTAssertEqual(Sampler.allCases.map(\.rawValue),
                       ["euler", "euler_a", "heun", "dpm2", "dpm2_a", "lms", "dpmpp_2s_a", "dpmpp_2m", "dpmpp_sde", "dpmpp_2m_sde", "lcm"])
        XCTAssertEqual(try Sampler(id: "dpmpp_2m_sde"), .dpmpp2mSDE)
        XCTAssertThrowsError(try Sampler(id: "DPM++ 2M Karras")) {
            XCTAssertEqual("\($0)", "unknown sampler 'DPM++ 2M Karras' (known: euler, euler_a, heun, dpm2, dpm2_a, lms, dpmpp_2s_a, dpmpp_2m, dpmpp_sde, dpmpp_2m_sde, lcm)")
        }
    }

    /// A whole txt2img-shaped run: initial noise from the generator, scaled by σ₀, then the
    /// ancestral noise continues the same stream — as ComfyUI and the fixtures do.
    func testOneStreamPerImage() throws {
        struct Recording: NoiseSource {
            var inner: TorchCPUGenerator
            var log: [[Float]] = []
            mutating func randn(_ count: Int) -> [Float] { let v = inner.randn(count); log.append(v); return v }
        }
        let sigmas = try Schedule.normal.sigmas(steps: 4)
        let denoiser = GaussianDenoiser(means: Array(repeating: 0, count: 64), spread: 1).denoiser
        var noise: any NoiseSource = Recording(inner: TorchCPUGenerator(seed: 42))
        let x = noise.randn(64).map { $0 * sigmas[0] }
        _ = try sampleEulerAncestral(denoiser, x: x, sigmas: sigmas, noise: &noise)

        var fresh = TorchCPUGenerator(seed: 42)
        let expected = (0..<4).map { _ in fresh.randn(64) }  // initial noise + 3 ancestral steps
        XCTAssertEqual((noise as? Recording)?.log, expected)
    }
}
