import EngineAPI
import Foundation
import Imaging
import Models
import RenderSettings
import SafeTensors
import Sampling
import TestSupport
import XCTest
@testable import Diffusion

/// SDXL img2img on the tiny SDXL model, and SDXL 9-channel inpainting (`.sdxlInpainting`) on
/// the same model with a 9-channel `conv_in`, against torch + diffusers runs:
/// `tools/inpaint-model/make_tiny_sdxl_runs.py` wrote `Fixtures/tiny-sdxl-image-runs.safetensors`
/// (committed, so no torch is needed here) with the widened `conv_in_weight` and, per run,
/// `noise`, `sigmas`, `latent`, `image_levels` (the quantised decode) and `init_latent`. The
/// script reproduces the shared `tiny-sdxl-reference` txt2img run first, so its sampling path
/// is the shared fixtures'. Tolerance as for every fixture run: 2 levels max, 0.5 mean.
final class SDXLImageToImageTests: XCTestCase {
    static let reference = Fixtures.repoRoot.appendingPathComponent("Tests/DiffusionTests/Fixtures/tiny-sdxl-image-runs.safetensors")

    nonisolated(unsafe) private static var plain: StableDiffusionPipeline?
    nonisolated(unsafe) private static var inpainting: (StableDiffusionPipeline, StableDiffusionCheckpoint)?

    private func plainPipeline() throws -> StableDiffusionPipeline {
        if let plain = Self.plain { return plain }
        let pipeline = try StableDiffusionPipeline.load(Fixtures.url("tiny-sdxl.safetensors"), precision: .fp32)
        Self.plain = pipeline
        return pipeline
    }

    /// `tiny-sdxl.safetensors` with the 9-channel `conv_in` (`WidenedCheckpoint`), through the
    /// ordinary loader: the detector names it SDXL inpainting from the input width.
    private func inpaintingPipeline() throws -> (StableDiffusionPipeline, StableDiffusionCheckpoint) {
        if let inpainting = Self.inpainting { return inpainting }
        let url = try WidenedCheckpoint.write(base: "tiny-sdxl.safetensors",
                                              convIn: try SafeTensorsFile(url: Self.reference).tensor("conv_in_weight"),
                                              label: "easel-sdxl-inpaint")
        let checkpoint = try StableDiffusionCheckpoint.load(url)
        let pipeline = try StableDiffusionPipeline.load(url, precision: .fp32)
        Self.inpainting = (pipeline, checkpoint)
        return (pipeline, checkpoint)
    }

    private func levels(_ prefix: String) throws -> RGBImage {
        let t = try SafeTensorsFile(url: Self.reference).tensor(prefix + "image_levels")  // [1, 3, H, W] in 0…255
        return try RGBImage(channelsFirst: t.values.map { $0 / 255 * 2 - 1 }, width: t.shape[3], height: t.shape[2])
    }

    private func initImage() throws -> RGBImage {
        try PNGFile.read(from: Fixtures.url(AdapterFixtureRuns.folder + "init-a.png")).image
    }

    private func assertClose(_ image: RGBImage, _ prefix: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let diff = PixelDifference(image.pixels, try levels(prefix).pixels)
        print("parity SDXL \(prefix): max \(diff.max), mean \(diff.mean)")
        XCTAssertLessThanOrEqual(diff.max, 2, prefix, file: file, line: line)
        XCTAssertLessThanOrEqual(diff.mean, 0.5, prefix, file: file, line: line)
    }

    /// "a photo of a cat" with the empty negative (zeros), 64×64.
    private func settings(_ sampler: Sampler, steps: Int, cfg: Double, seed: UInt64, strength: Double?) -> RenderSettings {
        var settings = RenderSettings(prompt: "a photo of a cat", steps: steps, sampler: sampler, schedule: .normal,
                                      cfgScale: cfg, seed: seed, width: 64, height: 64)
        settings.denoisingStrength = strength
        return settings
    }

    /// euler, 8 steps, strength 0.5, CFG 7, seed 42, posterior mean.
    func testImg2ImgPosteriorMeanMatchesDiffusersReference() throws {
        let request = EngineRequest(settings: settings(.euler, steps: 8, cfg: 7, seed: 42, strength: 0.5),
                                    initImage: InitImage(image: try initImage(), latent: .mean))
        try assertClose(try plainPipeline().generate(request)[0].image, "img2img_mean_")
    }

    /// euler_a, 8 steps, strength 0.8, CFG 6, seed 7, posterior sample (eps from its own
    /// `manual_seed(seed)` generator; the ancestral draws continue the sampler stream).
    func testImg2ImgAncestralPosteriorSampleMatchesDiffusersReference() throws {
        let request = EngineRequest(settings: settings(.eulerA, steps: 8, cfg: 6, seed: 7, strength: 0.8),
                                    initImage: InitImage(image: try initImage(), latent: .sample))
        try assertClose(try plainPipeline().generate(request)[0].image, "img2img_sample_")
    }

    /// The init latent (SDXL's scale 0.13025, no shift) and the truncated sigmas.
    func testInitLatentAndSigmasMatchReference() throws {
        let pipeline = try plainPipeline()
        let tensors = try SafeTensorsFile(url: Self.reference)
        for (prefix, mode, seed) in [("img2img_mean_", InitLatent.mean, UInt64(42)), ("img2img_sample_", .sample, 7)] {
            let got = try pipeline.encodeLatent(try initImage(), mode: mode, seed: seed)
            let want = try tensors.tensor(prefix + "init_latent").values
            XCTAssertLessThan(zip(got, want).map { abs($0 - $1) }.max() ?? 1, 1e-4, prefix)
        }
        let s = settings(.euler, steps: 8, cfg: 7, seed: 42, strength: 0.5)
        let sigmas = ImageToImageSteps(steps: 8, strength: 0.5).truncate(try pipeline.scheduleSigmas(s, steps: 8))
        let want = try tensors.tensor("img2img_mean_sigmas").values
        XCTAssertEqual(sigmas.count, want.count)
        for (g, w) in zip(sigmas, want) { XCTAssertEqual(g, w, accuracy: 1e-5 * max(1, w)) }
    }

    func testNineChannelSDXLModelIsDetectedAndLoads() throws {
        let (pipeline, checkpoint) = try inpaintingPipeline()
        XCTAssertEqual(checkpoint.architecture.family, .sdxlInpainting)
        XCTAssertEqual(pipeline.unet.config.inChannels, 9)
        XCTAssertEqual(pipeline.latentFormat, LatentFormat.sdxl)
        XCTAssertTrue(pipeline.takesImageConditioning)
    }

    /// Inpainting: euler, 8 steps, strength 0.75, CFG 7, seed 99, init-a.png + mask-a.png,
    /// posterior mean; the plain decode (before A1111's overlay), as the script saves it.
    func testNineChannelInpaintingMatchesDiffusersReference() throws {
        let (pipeline, _) = try inpaintingPipeline()
        let s = settings(.euler, steps: 8, cfg: 7, seed: 99, strength: 0.75)
        let mask = GrayImage(luma: try PNGFile.read(from: Fixtures.url(AdapterFixtureRuns.folder + "mask-a.png")).image)
        let request = EngineRequest(settings: s, initImage: InitImage(image: try initImage(), mask: mask, latent: .mean))
        let job = StableDiffusionPipeline.Job(request: request, seed: 99, prepared: try pipeline.prepare(s),
                                              cancellation: nil) { _, _, _ in }
        let plain = try pipeline.render(job, image: try initImage(), mask: InpaintMask(mask, blur: 0), latentMode: .mean)
        try assertClose(plain.decoded, "inpaint_")
    }

    /// txt2img on the 9-channel model (A1111 `txt2img_image_conditioning`: full mask, empty
    /// picture): euler, 6 steps, CFG 7, seed 3.
    func testNineChannelTxt2ImgMatchesDiffusersReference() throws {
        let (pipeline, _) = try inpaintingPipeline()
        let request = EngineRequest(settings: settings(.euler, steps: 6, cfg: 7, seed: 3, strength: nil))
        try assertClose(try pipeline.generate(request)[0].image, "txt2img_")
    }
}
