import EngineAPI
import Imaging
import Models
import RenderSettings
import Tensor
import TestSupport
import XCTest
@testable import Diffusion

/// The pipeline on the tiny SDXL model (fixtures README, "tiny-sdxl*"): SDXL's latent format
/// for the noise, the decode and the previews (A1111 `sd_vae_approx.py` SDXL coefficients), the
/// draft pass, the VAE in fp32 whatever the precision, and the empty negative's zeros cached.
final class SDXLPipelineTests: XCTestCase {
    private func pipeline(_ precision: Precision = .fp32) throws -> StableDiffusionPipeline {
        try StableDiffusionPipeline.load(Fixtures.url("tiny-sdxl.safetensors"), precision: precision)
    }

    func testPreviewsUseSDXLsLatentFormatAndTheDraftPassWorks() throws {
        let p = try pipeline()
        XCTAssertEqual(p.latentFormat, LatentFormat.sdxl)
        var request = EngineRequest(settings: RenderSettings(prompt: "a red circle", steps: 3, sampler: .euler,
                                                             schedule: .normal, cfgScale: 5, seed: 7, width: 64, height: 48))
        let plain = try p.generate(request)
        request.draftScale = 2
        var events: [(draft: Bool, width: Int)] = []
        var last: RGBImage?
        let drafted = try p.generate(request) { progress in
            events.append((progress.isDraft, progress.preview?.width ?? 0))
            if !progress.isDraft { last = progress.preview }
        }
        XCTAssertEqual(events.map(\.draft), [true, true, true, false, false, false])
        XCTAssertEqual(events.map(\.width), [4, 4, 4, 8, 8, 8])
        XCTAssertEqual(drafted[0].image, plain[0].image)
        XCTAssertEqual([plain[0].image.width, plain[0].image.height], [64, 48])
        XCTAssertNotNil(last)
    }

    func testVAEDecodesInFP32EvenInTheFastMode() throws {
        let p = try pipeline(.bf16)
        XCTAssertEqual(p.vae.precision, Precision.fp32)
    }

    func testEmptyNegativeIsZerosAndCached() throws {
        let p = try pipeline()
        let request = EngineRequest(settings: RenderSettings(prompt: "a cat", steps: 1, seed: 1, width: 64, height: 64))
        _ = try p.generate(request)
        _ = try p.generate(request)
        XCTAssertEqual(p.promptEncoder.encoderRuns, 2)                   // "a cat" and the zeroed ""
        let zero = try p.promptEncoder.encode("", clipSkip: 1, negative: true)
        XCTAssertTrue(zero.context.values.allSatisfy { $0 == 0 })
        XCTAssertFalse(try p.promptEncoder.encode("", clipSkip: 1).context.values.allSatisfy { $0 == 0 })
    }
}
