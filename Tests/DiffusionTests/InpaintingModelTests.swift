import EngineAPI
import Foundation
import Imaging
import Models
import RenderSettings
import SafeTensors
import Tensor
import TestSupport
import XCTest
@testable import Diffusion

/// A 9-channel (SD 1.5 inpainting-style) UNet loads and runs with [x, mask, masked-image
/// latent] input. The model is the tiny fixture with a 9-channel `conv_in`, and the reference
/// runs come from torch + diffusers: `tools/inpaint-model/make_tiny_inpaint.py` wrote
/// `Fixtures/tiny-sd15-inpainting-9ch.safetensors` (113 KB, committed, so no torch is needed
/// here): the widened `conv_in_weight` and, per run, `noise`, `sigmas`, `latent` and
/// `image_levels` (the quantised decode).
final class InpaintingModelTests: XCTestCase {
    static let reference = Fixtures.repoRoot.appendingPathComponent("Tests/DiffusionTests/Fixtures/tiny-sd15-inpainting-9ch.safetensors")

    nonisolated(unsafe) private static var cached: (StableDiffusionPipeline, StableDiffusionCheckpoint)?

    /// `tiny-sd15.safetensors` with `input_blocks.0.0.weight` replaced (`WidenedCheckpoint`),
    /// loaded through the ordinary checkpoint loader.
    private func pipeline() throws -> (StableDiffusionPipeline, StableDiffusionCheckpoint) {
        if let cached = Self.cached { return cached }
        let url = try WidenedCheckpoint.write(base: "tiny-sd15.safetensors",
                                              convIn: try SafeTensorsFile(url: Self.reference).tensor("conv_in_weight"),
                                              label: "easel-inpaint")
        let checkpoint = try StableDiffusionCheckpoint.load(url)
        let pipeline = try StableDiffusionPipeline(checkpoint: checkpoint, precision: .fp32,
                                                   chunker: try AdapterFixtureRuns.chunker())
        Self.cached = (pipeline, checkpoint)
        return (pipeline, checkpoint)
    }

    private func levels(_ prefix: String) throws -> RGBImage {
        let t = try SafeTensorsFile(url: Self.reference).tensor(prefix + "image_levels")  // [1, 3, H, W] in 0…255
        let (h, w) = (t.shape[2], t.shape[3])
        return try RGBImage(channelsFirst: t.values.map { $0 / 255 * 2 - 1 }, width: w, height: h)
    }

    func testNineChannelModelIsDetectedAndLoads() throws {
        let (pipeline, checkpoint) = try pipeline()
        XCTAssertEqual(checkpoint.architecture.family, .sd1Inpainting)
        XCTAssertEqual(pipeline.unet.config.inChannels, 9)
        XCTAssertTrue(pipeline.takesImageConditioning)
    }

    /// Inpainting: euler, 8 steps, strength 0.75, CFG 7, seed 99, init-a.png + mask-a.png.
    func testInpaintingRunMatchesDiffusersReference() throws {
        let (pipeline, _) = try pipeline()
        let folder = AdapterFixtureRuns.folder
        var settings = RenderSettings(prompt: "a photo of a cat", steps: 8, sampler: .euler, schedule: .normal,
                                      cfgScale: 7, seed: 99, width: 64, height: 64)
        settings.denoisingStrength = 0.75
        let image = try PNGFile.read(from: Fixtures.url(folder + "init-a.png")).image
        let mask = GrayImage(luma: try PNGFile.read(from: Fixtures.url(folder + "mask-a.png")).image)
        let request = EngineRequest(settings: settings, initImage: InitImage(image: image, mask: mask, latent: .mean))
        let job = StableDiffusionPipeline.Job(request: request, seed: 99, prepared: try pipeline.prepare(settings),
                                              cancellation: nil) { _, _, _ in }
        let plain = try pipeline.render(job, image: image, mask: InpaintMask(mask, blur: 0), latentMode: .mean).decoded
        let diff = PixelDifference(plain.pixels, try levels("inpaint_").pixels)
        print("parity 9-channel inpaint: max \(diff.max), mean \(diff.mean)")
        XCTAssertLessThanOrEqual(diff.max, 2)
        XCTAssertLessThanOrEqual(diff.mean, 0.5)
    }

    /// txt2img with the inpainting model (A1111 `txt2img_image_conditioning`: full mask, empty
    /// picture): euler, 6 steps, CFG 7, seed 3.
    func testTxt2ImgRunMatchesDiffusersReference() throws {
        let (pipeline, _) = try pipeline()
        let settings = RenderSettings(prompt: "a photo of a cat", steps: 6, sampler: .euler, schedule: .normal,
                                      cfgScale: 7, seed: 3, width: 64, height: 64)
        let images = try pipeline.generate(EngineRequest(settings: settings))
        let diff = PixelDifference(images[0].image.pixels, try levels("txt2img_").pixels)
        print("parity 9-channel txt2img: max \(diff.max), mean \(diff.mean)")
        XCTAssertLessThanOrEqual(diff.max, 2)
        XCTAssertLessThanOrEqual(diff.mean, 0.5)
    }
}
