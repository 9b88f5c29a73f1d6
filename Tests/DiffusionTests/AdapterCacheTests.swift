import EngineAPI
import Foundation
import Models
import RenderSettings
import TestSupport
import XCTest
@testable import Diffusion

/// The conditioning cache keys by the text-encoder LoRAs and their weights: changing only the
/// UNet multiplier encodes nothing, changing the TE multiplier encodes again, and taking the
/// LoRA off finds the plain encodings in the cache (fixture `tinylora-ldm`, which patches
/// both the UNet and the text encoder).
final class AdapterCacheTests: XCTestCase {
    func testTextEncoderLoraWeightsAreInTheCacheKey() throws {
        let checkpoint = try StableDiffusionCheckpoint.load(Fixtures.url("tiny-sd15.safetensors"))
        let pipeline = try StableDiffusionPipeline(checkpoint: checkpoint, precision: .fp32) { (_: String) in
            [ConditioningChunk(ids: StableDiffusionPipelineTests.catIDs, multipliers: Array(repeating: 1, count: 77))]
        }
        let binding = try XCTUnwrap(pipeline.adapterBinding)
        let lora = try binding.resolve(try AdapterNetwork(url: Fixtures.url("tiny-sd15-adapters/loras/tinylora-ldm.safetensors")))
        let request = EngineRequest(settings: RenderSettings(prompt: "cat", steps: 1, sampler: .euler, schedule: .normal,
                                                             cfgScale: 1, seed: 1, width: 64, height: 64))
        func render(te: Float, unet: Float) throws -> [UInt8] {
            let adapters = te == 0 && unet == 0 ? RenderAdapters.none
                : RenderAdapters(networks: [ActiveAdapter(lora, textMultiplier: te, unetMultiplier: unet)])
            return try pipeline.generate(request, adapters: adapters)[0].image.pixels
        }
        // Each new text-encoder state encodes the prompt and the (empty) negative once.
        let plain = try render(te: 0, unet: 0)
        XCTAssertEqual(pipeline.promptEncoder.encoderRuns, 2)
        let first = try render(te: 0.8, unet: 0.8)
        XCTAssertEqual(pipeline.promptEncoder.encoderRuns, 4)
        let unetOnly = try render(te: 0.8, unet: 0.3)
        XCTAssertEqual(pipeline.promptEncoder.encoderRuns, 4)
        XCTAssertNotEqual(first, unetOnly)
        _ = try render(te: 0.5, unet: 0.3)
        XCTAssertEqual(pipeline.promptEncoder.encoderRuns, 6)
        XCTAssertEqual(try render(te: 0, unet: 0), plain)
        XCTAssertEqual(pipeline.promptEncoder.encoderRuns, 6)
    }
}
