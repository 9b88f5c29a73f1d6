import EngineAPI
import Imaging
import Models
import RenderSettings
import TestSupport
import XCTest
@testable import Diffusion

/// Pipeline behaviour on the tiny fixture model. Tokenization is replaced by the manifest's
/// own ids for "a photo of a cat" (transformers' CLIPTokenizer output, fixture README), so
/// these tests exercise conditioning, caching, sampling and cancellation, not the tokenizer.
/// The pipeline runs in the precise mode (fp32), the one the reference PNGs pin.
final class StableDiffusionPipelineTests: XCTestCase {
    static let catIDs = [49406, 320, 1125, 539, 320, 2368] + Array(repeating: 49407, count: 71)

    private func pipeline() throws -> StableDiffusionPipeline {
        let checkpoint = try StableDiffusionCheckpoint.load(Fixtures.url("tiny-sd15.safetensors"))
        return try StableDiffusionPipeline(checkpoint: checkpoint, precision: .fp32) { text in
            let ids = text.isEmpty ? [49406] + Array(repeating: 49407, count: 76)
                : text == "dog" ? [49406, 1929] + Array(repeating: 49407, count: 75) : Self.catIDs
            return [ConditioningChunk(ids: ids, multipliers: Array(repeating: 1, count: 77))]
        }
    }

    private func request(cfg: Double = 7, steps: Int = 4) -> EngineRequest {
        EngineRequest(settings: RenderSettings(prompt: "a photo of a cat", steps: steps, sampler: .euler,
                                               schedule: .normal, cfgScale: cfg, seed: 42, width: 64, height: 64))
    }

    /// The fixture run `euler-normal-s42` uses exactly these ids, so 8 steps must reproduce its
    /// reference PNG within 2 levels (the tolerance).
    func testEulerRunMatchesReferencePNG() throws {
        let images = try pipeline().generate(request(steps: 8))
        let reference = try PNGFile.read(from: Fixtures.url("tiny-sd15-reference/euler-normal-s42.png")).image
        XCTAssertEqual(images.count, 1)
        XCTAssertEqual(images[0].seed, 42)
        let diff = PixelDifference(images[0].image.pixels, reference.pixels)
        XCTAssertLessThanOrEqual(diff.max, 2)
        XCTAssertLessThanOrEqual(diff.mean, 0.5)
    }

    func testTextConditioningIsCachedAcrossJobs() throws {
        let p = try pipeline()
        _ = try p.generate(request(cfg: 7, steps: 1))
        XCTAssertEqual(p.promptEncoder.encoderRuns, 2)          // prompt and empty negative
        _ = try p.generate(request(cfg: 3, steps: 1))
        XCTAssertEqual(p.promptEncoder.encoderRuns, 2)          // a new CFG re-samples without re-encoding
    }

    /// `[cat:dog:2]` over 4 steps is "cat" through step index 2 and "dog" after
    /// (A1111 `get_learned_conditioning_prompt_schedules` → [[2, "cat"], [4, "dog"]]): the
    /// first three steps match a plain "cat" render, the fourth does not, and each distinct
    /// text is encoded once.
    func testPromptEditingSwitchesConditioningAtItsStep() throws {
        let p = try pipeline()
        var edited: [[UInt8]] = [], plain: [[UInt8]] = []
        var r = request(steps: 4)
        r.settings.prompt = "[cat:dog:2]"
        _ = try p.generate(r) { edited.append($0.preview!.pixels) }
        XCTAssertEqual(p.promptEncoder.encoderRuns, 3)          // "cat", "dog", ""
        r.settings.prompt = "cat"
        _ = try p.generate(r) { plain.append($0.preview!.pixels) }
        XCTAssertEqual(p.promptEncoder.encoderRuns, 3)          // all cached
        XCTAssertEqual(Array(edited[0..<3]), Array(plain[0..<3]))
        XCTAssertNotEqual(edited[3], plain[3])
    }

    func testCancellationStopsWithinOneStep() throws {
        let p = try pipeline()
        let flag = CancellationFlag()
        var steps: [Int] = []
        XCTAssertThrowsError(try p.generate(request(steps: 6), cancellation: flag) { progress in
            steps.append(progress.step)
            if progress.step == 2 { flag.cancel() }
        }) { XCTAssertEqual($0 as? EngineError, .cancelled) }
        XCTAssertEqual(steps, [1, 2])
    }

    func testBatchUsesConsecutiveSeedsAndSameSeedRepeats() throws {
        let p = try pipeline()
        var r = request(steps: 2)
        r.settings.batchSize = 2
        let batch = try p.generate(r)
        XCTAssertEqual(batch.map(\.seed), [42, 43])
        XCTAssertNotEqual(batch[0].image, batch[1].image)
        let again = try p.generate(request(steps: 2))
        XCTAssertEqual(again[0].image, batch[0].image)
    }

    func testProgressReportsEveryStepWithPreview() throws {
        var seen: [GenerationProgress] = []
        _ = try pipeline().generate(request(steps: 3)) { seen.append($0) }
        XCTAssertEqual(seen.map(\.step), [1, 2, 3])
        XCTAssertEqual(seen.last?.preview?.width, 8)            // one preview pixel per latent cell
        XCTAssertEqual(seen.last?.secondsRemaining, 0)
    }

    func testInvalidRequestNamesTheField() {
        var r = request()
        r.settings.width = 65
        XCTAssertThrowsError(try r.validate()) { XCTAssertTrue("\($0)".hasPrefix("width:")) }
        r = request(steps: 0)
        XCTAssertThrowsError(try r.validate()) { XCTAssertTrue("\($0)".hasPrefix("steps:")) }
    }

    /// Heun's second evaluation at σ_{i+1} belongs to step i+1; midpoints belong to their step.
    func testStepIndexOfSigma() {
        let sigmas: [Float] = [10, 5, 2, 0]
        XCTAssertEqual(StableDiffusionPipeline.stepIndex(of: 10, in: sigmas), 0)
        XCTAssertEqual(StableDiffusionPipeline.stepIndex(of: 7, in: sigmas), 0)
        XCTAssertEqual(StableDiffusionPipeline.stepIndex(of: 5, in: sigmas), 1)
        XCTAssertEqual(StableDiffusionPipeline.stepIndex(of: 0.5, in: sigmas), 2)
    }
}
