import Catalog
import EngineAPI
import Foundation
import Imaging
import Models
import RenderSettings
import Tensor
import TestSupport
import XCTest
@testable import Diffusion

/// The fast mode of CPUs without AVX512_BF16 (`Precision.fp32HalfWeights`: fp32 products on
/// the file's fp16 weights, widened before each product) on the fp16 fixture files: every
/// complete txt2img run of `tiny-sd15-reference` and `tiny-sdxl-reference` (made by diffusers,
/// k-diffusion and torch; fixtures README) within the fixtures' tolerance, 2 levels at any pixel
/// and 0.5 on average. The precision is chosen explicitly, so the half path runs on any CPU,
/// one with AVX512_BF16 too (where the default fast mode would be bf16).
final class HalfWeightFixtureRunTests: XCTestCase {
    private struct Run: Decodable {
        let sampler: String, schedule: String, seed: UInt64, steps: Int, cfg: Double
        let width: Int, height: Int, clip_skip: Int, prompt: String, negative: String, png: String
    }

    private struct Manifest: Decodable { let runs: [Run] }

    private func assertRunsMatch(model: String, folder: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let checkpoint = try StableDiffusionCheckpoint.load(Fixtures.url(model))
        let pipeline = try StableDiffusionPipeline(checkpoint: checkpoint, precision: .fp32HalfWeights,
                                                   chunker: try AdapterFixtureRuns.chunker())
        XCTAssertEqual(pipeline.unet.precision, .fp32HalfWeights, file: file, line: line)
        let stored = pipeline.unet.patchableWeights.keys.compactMap { pipeline.unet.patchableWeights[$0]?.weight }
        XCTAssertFalse(stored.isEmpty, file: file, line: line)
        for weight in stored {
            guard case .half = weight else { return XCTFail("\(model): a UNet weight is not half-stored", file: file, line: line) }
        }
        let runs = try JSONDecoder().decode(Manifest.self, from: Fixtures.data("\(folder)/manifest.json")).runs
        XCTAssertFalse(runs.isEmpty, file: file, line: line)
        for run in runs {
            var settings = RenderSettings(prompt: run.prompt, negativePrompt: run.negative, steps: run.steps,
                                          sampler: try Sampler(id: run.sampler), schedule: try Schedule(id: run.schedule),
                                          cfgScale: run.cfg, seed: run.seed, width: run.width, height: run.height)
            settings.clipSkip = run.clip_skip
            let image = try pipeline.generate(EngineRequest(settings: settings))[0].image
            let reference = try PNGFile.read(from: Fixtures.url("\(folder)/\(run.png)")).image
            XCTAssertEqual([image.width, image.height], [reference.width, reference.height], run.png, file: file, line: line)
            let diff = PixelDifference(image.pixels, reference.pixels)
            print("parity fp32-half \(model) \(run.png): max \(diff.max) mean \(diff.mean)")
            XCTAssertLessThanOrEqual(diff.max, 2, "\(model) \(run.png)", file: file, line: line)
            XCTAssertLessThanOrEqual(diff.mean, 0.5, "\(model) \(run.png)", file: file, line: line)
        }
        XCTAssertEqual(HalfWeightScratch.shared.capacity, 0, "the widening buffer is freed after each generation",
                       file: file, line: line)
    }

    func testSD15FP16RunsMatchTheReference() throws {
        try assertRunsMatch(model: "tiny-sd15-fp16.safetensors", folder: "tiny-sd15-reference")
    }

    func testSDXLFP16RunsMatchTheReference() throws {
        try assertRunsMatch(model: "tiny-sdxl-fp16.safetensors", folder: "tiny-sdxl-reference")
    }
}
