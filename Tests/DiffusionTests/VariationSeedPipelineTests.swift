import EngineAPI
import Foundation
import Models
import RenderSettings
import Sampling
import TestSupport
import XCTest
@testable import Diffusion

/// The variation seed through the pipeline's noise source and a whole render on the tiny
/// fixture model. The noise reference is torch's (`Tests/SamplingTests/Fixtures/
/// variation-noise.json`, from `tools/variation-seeds/make_variation_fixture.py`); the render
/// checks compare Easel with itself at the two ends of the strength, where A1111's recipe says
/// what must come out: strength 0 is the plain seed, strength 1 the variation seed's noise.
final class VariationSeedPipelineTests: XCTestCase {
    struct Case: Decodable {
        var seed: UInt64, subseed: UInt64, strength: Double, shape: [Int], resizeFrom: [Int]?, first: [Float], second: [Float]
    }

    struct Fixture: Decodable { var cases: [Case] }

    private func pipeline() throws -> StableDiffusionPipeline {
        let checkpoint = try StableDiffusionCheckpoint.load(Fixtures.url("tiny-sd15.safetensors"))
        return try StableDiffusionPipeline(checkpoint: checkpoint, precision: .fp32) { _ in
            [ConditioningChunk(ids: StableDiffusionPipelineTests.catIDs, multipliers: Array(repeating: 1, count: 77))]
        }
    }

    private func settings(sampler: Sampler = .euler, seed: UInt64 = 42) -> RenderSettings {
        RenderSettings(prompt: "a photo of a cat", steps: 3, sampler: sampler, schedule: .normal, cfgScale: 7, seed: seed,
                       width: 64, height: 64)
    }

    /// The pipeline's noise source for `Variation seed: 7, strength 0.3` (CPU RNG) draws torch's
    /// first noise and then continues the seed's stream, as the fixture's first case records.
    func testNoiseSourceIsA1111sImageRNG() throws {
        let url = Fixtures.repoRoot.appendingPathComponent("Tests/SamplingTests/Fixtures/variation-noise.json")
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        for c in fixture.cases {
            var s = settings(seed: c.seed)
            s.variation = VariationSeed(seed: c.subseed, strength: c.strength)
            // The fixture's latent resize shape is pixels / 8 here.
            s.seedResizeFrom = c.resizeFrom.map { SeedResize(width: $0[2] * 8, height: $0[1] * 8) }
            let shape = NoiseShape(channels: c.shape[0], height: c.shape[1], width: c.shape[2])
            var noise = StableDiffusionPipeline.noiseSource(s, seed: c.seed, variationSeed: c.subseed, shape: shape)
            let first = noise.randn(shape.count)
            XCTAssertLessThan(zip(first, c.first).map { abs($0 - $1) }.max()!, 2e-5, "\(c.seed)/\(c.subseed)/\(c.strength)")
            XCTAssertEqual(noise.randn(shape.count), c.second)
        }
    }

    /// Strength 0 renders exactly the plain seed, whatever the variation seed.
    func testStrengthZeroIsThePlainSeed() throws {
        let p = try pipeline()
        let plain = try p.generate(EngineRequest(settings: settings(sampler: .eulerA)))[0]
        var s = settings(sampler: .eulerA)
        s.variation = VariationSeed(seed: 7, strength: 0)
        let varied = try p.generate(EngineRequest(settings: s))[0]
        XCTAssertEqual(varied.image.pixels, plain.image.pixels)
        XCTAssertNil(varied.variationSeed)
    }

    /// With a deterministic sampler (Euler), strength 1 renders the variation seed's picture:
    /// its noise is the variation seed's first draw (to float rounding, so within 1 level).
    /// With Euler a the ancestral noise still comes from the main seed, so the picture differs.
    func testStrengthOneIsTheVariationSeedsNoise() throws {
        let p = try pipeline()
        let other = try p.generate(EngineRequest(settings: settings(seed: 7)))[0]
        var s = settings()
        s.variation = VariationSeed(seed: 7, strength: 1)
        let varied = try p.generate(EngineRequest(settings: s))[0]
        XCTAssertEqual(varied.seed, 42)
        XCTAssertEqual(varied.variationSeed, 7)
        XCTAssertLessThanOrEqual(PixelDifference(varied.image.pixels, other.image.pixels).max, 1)

        let ancestralOther = try p.generate(EngineRequest(settings: settings(sampler: .eulerA, seed: 7)))[0]
        var a = settings(sampler: .eulerA)
        a.variation = VariationSeed(seed: 7, strength: 1)
        let ancestral = try p.generate(EngineRequest(settings: a))[0]
        XCTAssertGreaterThan(PixelDifference(ancestral.image.pixels, ancestralOther.image.pixels).max, 1)
    }

    /// A batch with a variation keeps the seed and counts the variation seed up (A1111
    /// `process_images_inner`), and each image is the single render of its pair.
    func testBatchCountsTheVariationSeedUp() throws {
        let p = try pipeline()
        var s = settings()
        s.variation = VariationSeed(seed: 7, strength: 0.5)
        s.batchSize = 2
        let batch = try p.generate(EngineRequest(settings: s))
        XCTAssertEqual(batch.map(\.seed), [42, 42])
        XCTAssertEqual(batch.map(\.variationSeed), [7, 8])
        var second = settings()
        second.variation = VariationSeed(seed: 8, strength: 0.5)
        XCTAssertEqual(try p.generate(EngineRequest(settings: second))[0].image.pixels, batch[1].image.pixels)
    }
}
