import EngineAPI
import Imaging
import RenderSettings
import Sampling
import TestSupport
import XCTest
@testable import Diffusion

/// img2img, inpainting, hires fix and LCM against the fixture runs of
/// `tiny-sd15-adapters/manifest-img2img.json` (torch / diffusers / k-diffusion / ComfyUI code,
/// never Easel). Tolerance from the fixture README: PNGs within 2 levels max, 0.5 mean.
final class ImageToImageFixtureTests: XCTestCase {
    private func assertMatches(_ png: String, against reference: String? = nil,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let run = try AdapterFixtureRuns.run(png: png)
        let images = try AdapterFixtureRuns.pipeline().generate(try AdapterFixtureRuns.request(run))
        let want = try AdapterFixtureRuns.referencePNG(reference ?? png)
        XCTAssertEqual(images[0].image.width, want.width, file: file, line: line)
        XCTAssertEqual(images[0].image.height, want.height, file: file, line: line)
        let diff = PixelDifference(images[0].image.pixels, want.pixels)
        print("parity \(reference ?? png): max \(diff.max), mean \(diff.mean)")
        XCTAssertLessThanOrEqual(diff.max, 2, png, file: file, line: line)
        XCTAssertLessThanOrEqual(diff.mean, 0.5, png, file: file, line: line)
    }

    func testImg2ImgEulerHalfStrengthPosteriorMean() throws { try assertMatches("img2img-euler-s0.5-mean.png") }
    func testImg2ImgEulerAncestralPosteriorMean() throws { try assertMatches("img2img-euler_a-s0.8-mean.png") }
    func testImg2ImgEulerPosteriorSample() throws { try assertMatches("img2img-euler-s0.6-sample.png") }
    func testImg2ImgEulerAncestralPosteriorSample() throws { try assertMatches("img2img-euler_a-s0.8-sample.png") }
    /// The product applies A1111's overlay, so its image is the `-overlay.png`.
    func testInpaintingWithOrdinaryModelMatchesOverlay() throws {
        try assertMatches("inpaint-euler-s0.75.png", against: "inpaint-euler-s0.75-overlay.png")
    }
    func testHiresFixLatentUpscale() throws { try assertMatches("hires-euler_a-x1.5.png") }
    func testLCMOverDiscreteModelSampling() throws { try assertMatches("lcm-discrete-normal.png") }
    func testLCMWithBoundaryScalingsAndSGMUniform() throws { try assertMatches("lcm-distilled-sgm.png") }
    func testSGMUniformTxt2Img() throws { try assertMatches("sgm-euler-s42.png") }

    /// The plain decode of the inpainting run (before the overlay) and its latent mask.
    func testInpaintingPlainDecodeAndLatentMask() throws {
        let run = try AdapterFixtureRuns.run(png: "inpaint-euler-s0.75.png")
        let request = try AdapterFixtureRuns.request(run)
        let pipeline = try AdapterFixtureRuns.pipeline()
        let initImage = try XCTUnwrap(request.initImage)
        let mask = InpaintMask(initImage.mask!, blur: 0)
        let want = try AdapterFixtureRuns.tensors(run).tensor("latent_mask_nmask").values
        XCTAssertEqual(mask.latentMask(LatentSize(request.settings), channels: 4), want)
        let job = StableDiffusionPipeline.Job(request: request, seed: run.seed,
                                              prepared: try pipeline.prepare(request.settings), cancellation: nil) { _, _, _ in }
        let plain = try pipeline.render(job, image: initImage.image, mask: mask, latentMode: .mean).decoded
        let diff = PixelDifference(plain.pixels, try AdapterFixtureRuns.referencePNG(run.png).pixels)
        print("parity \(run.png) (plain decode): max \(diff.max), mean \(diff.mean)")
        XCTAssertLessThanOrEqual(diff.max, 2)
        XCTAssertLessThanOrEqual(diff.mean, 0.5)
    }

    /// The init latents (posterior mean and sample) against the files' `init_latent`.
    func testInitLatentsMatchReference() throws {
        for png in ["img2img-euler-s0.5-mean.png", "img2img-euler-s0.6-sample.png"] {
            let run = try AdapterFixtureRuns.run(png: png)
            let request = try AdapterFixtureRuns.request(run)
            let initImage = try XCTUnwrap(request.initImage)
            let got = try AdapterFixtureRuns.pipeline().encodeLatent(initImage.image, mode: initImage.latent, seed: run.seed)
            let want = try AdapterFixtureRuns.tensors(run).tensor("init_latent").values
            let err = zip(got, want).map { abs($0 - $1) }.max() ?? 0
            XCTAssertLessThan(err, 1e-4, png)
        }
    }

    /// The sampled sigmas of every run against the files' `sigmas`.
    func testSampledSigmasMatchReference() throws {
        let pipeline = try AdapterFixtureRuns.pipeline()
        for run in try AdapterFixtureRuns.runs() where run.png.hasPrefix("img2img") || run.png.hasPrefix("lcm")
            || run.png.hasPrefix("inpaint") {
            let settings = try AdapterFixtureRuns.request(run).settings
            var sigmas = try pipeline.scheduleSigmas(settings, steps: settings.steps)
            if let strength = run.strength { sigmas = ImageToImageSteps(steps: run.steps, strength: strength).truncate(sigmas) }
            let want = try AdapterFixtureRuns.tensors(run).tensor("sigmas").values
            XCTAssertEqual(sigmas.count, want.count, run.png)
            for (g, w) in zip(sigmas, want) { XCTAssertEqual(g, w, accuracy: 1e-5 * max(1, w), run.png) }
        }
    }
}

/// "Only masked" inpainting (not in the fixtures): the picture keeps its size and is the
/// original exactly outside the mask's crop region, as A1111's overlay makes it.
final class InpaintOnlyMaskedTests: XCTestCase {
    func testOnlyMaskedKeepsTheOriginalOutsideTheMask() throws {
        let run = try AdapterFixtureRuns.run(png: "inpaint-euler-s0.75.png")
        var request = try AdapterFixtureRuns.request(run)
        request.initImage?.area = .onlyMasked(padding: 4)
        request.settings.steps = 4
        let image = try AdapterFixtureRuns.pipeline().generate(request)[0].image
        let original = try XCTUnwrap(request.initImage?.image)
        let mask = try XCTUnwrap(request.initImage?.mask)
        XCTAssertEqual(image.width, 64)
        var changedInside = false
        for y in 0..<64 {
            for x in 0..<64 {
                if mask.pixels[y * 64 + x] == 0 { XCTAssertEqual(image[x, y], original[x, y]) }
                else if image[x, y] != original[x, y] { changedInside = true }
            }
        }
        XCTAssertTrue(changedInside)
    }
}
