import Catalog
import Foundation
import SafeTensors
import Sampling
import TestSupport
import XCTest

/// LCM's model sampling, the trailing schedule and A1111's img2img step arithmetic, against
/// `tiny-sd15-adapters/manifest-img2img.json` (ComfyUI's own `ModelSamplingDiscreteDistilled`
/// executed unchanged) and diffusers' documented trailing timesteps.
final class FewStepSamplingTests: XCTestCase {
    private struct Manifest: Decodable {
        let lcm_distilled_sigmas_50: [Float]
        let lcm_distilled_timesteps_50: [Int]
    }

    private func manifest() throws -> Manifest {
        try JSONDecoder().decode(Manifest.self, from: Fixtures.data("tiny-sd15-adapters/manifest-img2img.json"))
    }

    func testLCMTableIsComfyUIs() throws {
        let m = try manifest()
        let lcm = LCMDistilledSampling()
        XCTAssertEqual(lcm.table.sigmas.map { Float($0) }, m.lcm_distilled_sigmas_50)
        for (sigma, t) in zip(m.lcm_distilled_sigmas_50, m.lcm_distilled_timesteps_50) {
            XCTAssertEqual(lcm.timestep(sigma: Double(sigma)), t)
            XCTAssertEqual(lcm.sigma(timestep: Double(t)), Double(sigma), accuracy: 1e-6 * Double(sigma))
        }
    }

    /// `lcm-distilled-sgm`: sgm_uniform over the table gives ts 999, 754, 509, 264, and the UNet
    /// is called at the table's timesteps 999, 759, 519, 259 (the file's `unet_timesteps`).
    func testSGMUniformOverLCMTableAndUNetTimesteps() throws {
        let lcm = LCMDistilledSampling()
        let sigmas = try Schedule.sgmUniform.sigmas(steps: 4, model: lcm.table)
        let file = try SafeTensorsFile(url: Fixtures.url("tiny-sd15-adapters/lcm-distilled-sgm.safetensors"))
        let want = try file.tensor("sigmas").values
        for (g, w) in zip(sigmas, want) { XCTAssertEqual(g, w, accuracy: 1e-5 * max(w, 1)) }
        XCTAssertEqual(sigmas.dropLast().map { lcm.timestep(sigma: Double($0)) }, [999, 759, 519, 259])
        XCTAssertEqual(sigmas[1], Float(lcm.sigma(timestep: 754)), accuracy: 1e-5)
    }

    /// diffusers `EulerDiscreteScheduler(timestep_spacing="trailing")`, 4 steps: timesteps
    /// 999, 749, 499, 249 (the SDXL-Turbo / Lightning model cards' schedule).
    func testTrailingScheduleTimesteps() throws {
        let model = DiscreteSigmas.stableDiffusion
        let sigmas = try Schedule.trailing.sigmas(steps: 4, model: model)
        XCTAssertEqual(sigmas.count, 5)
        XCTAssertEqual(sigmas.last, 0)
        for (sigma, t) in zip(sigmas, [999, 749, 499, 249]) {
            XCTAssertEqual(Double(sigma), model.sigmas[t], accuracy: 1e-5 * model.sigmas[t])
        }
        XCTAssertEqual(try Schedule.trailing.sigmas(steps: 1, model: model)[0], Float(model.sigmaMax))
    }

    /// The manifest's `a1111_t_enc` / `sigmas_used` and the hires run's second pass.
    func testA1111ImageToImageSteps() {
        XCTAssertEqual(ImageToImageSteps(steps: 8, strength: 0.5).tEnc, 4)
        XCTAssertEqual(ImageToImageSteps(steps: 8, strength: 0.5).startIndex, 3)
        XCTAssertEqual(ImageToImageSteps(steps: 8, strength: 0.8).tEnc, 6)
        XCTAssertEqual(ImageToImageSteps(steps: 8, strength: 0.75).truncate(Array(repeating: 1, count: 9)).count, 8)
        XCTAssertEqual(ImageToImageSteps(steps: 10, strength: 1).tEnc, 9)          // min(strength, 0.999)
        let hires = ImageToImageSteps(fixedSteps: 6, strength: 0.6)
        XCTAssertEqual(hires.scheduleSteps, 10)
        XCTAssertEqual(hires.tEnc, 5)
        XCTAssertEqual(hires.startIndex, 4)
    }
}
