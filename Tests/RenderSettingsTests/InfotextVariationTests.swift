import Foundation
import RenderSettings
import XCTest

/// The variation-seed keys in A1111's names and order: `modules/processing.py`
/// `create_infotext` puts "Variation seed", "Variation seed strength" (only when the strength
/// is not 0) and "Seed resize from: WxH" (only when both sides are > 0) after "Model" and
/// before "Denoising strength"; the batch rule is `process_images_inner`'s `all_seeds` /
/// `all_subseeds`. Expectations are written from those lines by hand.
final class InfotextVariationTests: XCTestCase {
    func testVariationKeysRoundTripInA1111Order() throws {
        var settings = RenderSettings(prompt: "a cat", steps: 20, sampler: .euler, seed: 1, width: 512, height: 512,
                                      modelName: "m")
        settings.variation = VariationSeed(seed: 5678, strength: 0.3)
        settings.seedResizeFrom = SeedResize(width: 512, height: 768)
        settings.denoisingStrength = 0.5
        let line = Infotext.parameterLine(settings)
        XCTAssertTrue(line.contains("Model: m, Variation seed: 5678, Variation seed strength: 0.3, Seed resize from: 512x768, Denoising strength: 0.5"), line)
        let back = try Infotext.parse(settings.infotext)
        XCTAssertEqual(back.variation, settings.variation)
        XCTAssertEqual(back.seedResizeFrom, settings.seedResizeFrom)
        XCTAssertTrue(back.extraParameters.isEmpty)
    }

    func testStrengthZeroWritesNoVariationKeys() {
        var settings = RenderSettings(prompt: "a cat", seed: 1)
        settings.variation = VariationSeed(seed: 99, strength: 0)
        XCTAssertFalse(Infotext.parameterLine(settings).contains("Variation"))
    }

    /// As A1111 1.10 writes a variation render; A1111 before 1.6 wrote `Seed resize from: -1x-1`
    /// for "off" (it tested `== 0`), which reads as no resize.
    func testReadsA1111Text() throws {
        let a1111 = try Infotext.parse("""
            a cat
            Steps: 20, Sampler: Euler a, Schedule type: Automatic, CFG scale: 7, Seed: 1234, Size: 512x512, Model hash: 6ce0161689, Model: v1-5-pruned-emaonly, Variation seed: 3141592653, Variation seed strength: 0.25, Version: v1.10.1
            """)
        XCTAssertEqual(a1111.variation, VariationSeed(seed: 3_141_592_653, strength: 0.25))
        XCTAssertNil(a1111.seedResizeFrom)
        let old = try Infotext.parse("a cat\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512, Seed resize from: -1x-1")
        XCTAssertNil(old.seedResizeFrom)
        XCTAssertThrowsError(try Infotext.parse("a\nSteps: 20, Sampler: Euler, Seed: 1, Variation seed strength: lots")) {
            XCTAssertTrue("\($0)".hasPrefix("infotext key 'Variation seed strength'"), "\($0)")
        }
    }

    func testValidationNamesTheField() {
        var settings = RenderSettings(prompt: "a cat")
        settings.variation.strength = 1.5
        XCTAssertThrowsError(try settings.validate()) { XCTAssertEqual("\($0)", "variation strength: must be between 0 and 1, got 1.5") }
        settings.variation.strength = 0.5
        settings.seedResizeFrom = SeedResize(width: 4, height: 512)
        XCTAssertThrowsError(try settings.validate()) { XCTAssertTrue("\($0)".hasPrefix("seed resize width:"), "\($0)") }
    }

    /// Batch seeds: without a variation, seed + i; with one, the seed for every image and
    /// variation seed + i.
    func testBatchSeeds() {
        var settings = RenderSettings(seed: 10)
        XCTAssertEqual(settings.seeds(ofImage: 2).seed, 12)
        settings.variation = VariationSeed(seed: 100, strength: 0.1)
        XCTAssertEqual(settings.seeds(ofImage: 2).seed, 10)
        XCTAssertEqual(settings.seeds(ofImage: 2).variationSeed, 102)
    }

    func testPresetJSONKeepsTheVariation() throws {
        var settings = RenderSettings(prompt: "a cat")
        settings.variation = VariationSeed(seed: 3, strength: 0.4)
        let back = try JSONDecoder().decode(RenderSettings.self, from: JSONEncoder().encode(settings))
        XCTAssertEqual(back, settings)
    }
}
