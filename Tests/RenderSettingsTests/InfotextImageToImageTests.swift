import RenderSettings
import XCTest

/// The img2img / hires keys in A1111's names and order (`modules/processing.py`
/// `create_infotext`: "Denoising strength" after "Model"; `extra_generation_params` "Mask blur",
/// "Hires upscale", "Hires steps", "Hires upscaler" after "RNG").
final class InfotextImageToImageTests: XCTestCase {
    func testImg2ImgKeysRoundTrip() throws {
        var settings = RenderSettings(prompt: "a cat", steps: 20, sampler: .euler, seed: 1, width: 512, height: 512)
        settings.denoisingStrength = 0.75
        settings.maskBlur = 4
        let line = Infotext.parameterLine(settings)
        XCTAssertTrue(line.hasSuffix("Size: 512x512, Denoising strength: 0.75, RNG: CPU, Mask blur: 4"), line)
        let back = try Infotext.parse(settings.infotext)
        XCTAssertEqual(back.denoisingStrength, 0.75)
        XCTAssertEqual(back.maskBlur, 4)
        XCTAssertTrue(back.extraParameters.isEmpty)
    }

    func testHiresKeysRoundTripAndReadA1111Text() throws {
        var settings = RenderSettings(prompt: "a cat", steps: 20, seed: 1)
        settings.denoisingStrength = 0.7
        settings.hires = HiresFix(scale: 2, steps: 10, upscaler: .lanczos)
        settings.modelSampling = .lcm
        let back = try Infotext.parse(settings.infotext)
        XCTAssertEqual(back.hires, settings.hires)
        XCTAssertEqual(back.modelSampling, .lcm)
        // As A1111 1.10 writes a hires txt2img (its own parameter line).
        let a1111 = try Infotext.parse("""
            a cat
            Steps: 20, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 7, Seed: 1, Size: 512x512, Model hash: 6ce0161689, Model: v1-5-pruned-emaonly, Denoising strength: 0.7, Hires upscale: 2, Hires upscaler: Latent (nearest-exact), Version: v1.10.1
            """)
        XCTAssertEqual(a1111.hires, HiresFix(scale: 2, steps: 0, upscaler: .latentNearestExact))
        XCTAssertEqual(a1111.denoisingStrength, 0.7)
        XCTAssertEqual(a1111.extraParameters.map(\.key), ["Version"])
    }

    /// An upscaler Easel does not have (A1111's ESRGAN models, its other latent modes) loads with
    /// a stand-in and a one-line note, and the infotext writes the name back as read. The line
    /// is in the form A1111 1.6 writes for a hires txt2img with "R-ESRGAN 4x+" (its
    /// `extra_generation_params` order); the stand-ins follow `HiresUpscaler.standIn`.
    func testUnknownUpscalerLoadsWithANoteAndRoundTrips() throws {
        let line = "Steps: 20, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 1234, Size: 512x768, Model hash: 6ce0161689, "
            + "Denoising strength: 0.45, Hires upscale: 2, Hires steps: 15, Hires upscaler: R-ESRGAN 4x+, Version: v1.6.0"
        let settings = try Infotext.parse("a cat\n" + line)
        let hires = try XCTUnwrap(settings.hires)
        XCTAssertEqual([hires.scale, Double(hires.steps)], [2, 15])
        XCTAssertEqual(hires.upscaler, .lanczos)
        XCTAssertEqual(hires.unavailableUpscaler, "R-ESRGAN 4x+")
        XCTAssertEqual(hires.note, "hires upscaler 'R-ESRGAN 4x+' not applied (Easel has Latent, Latent (nearest-exact), "
                           + "Lanczos); upscaling with Lanczos")
        XCTAssertTrue(Infotext.parameterLine(settings).contains("Hires upscale: 2, Hires steps: 15, Hires upscaler: R-ESRGAN 4x+"))
        XCTAssertEqual(try Infotext.parse(settings.infotext), settings)
        // The upscaler line before the scale keeps the name; A1111's other latent modes stand in as Latent.
        let early = try Infotext.parse("x\nSteps: 20, Sampler: Euler, Seed: 1, Hires upscaler: Latent (bicubic antialiased), Hires upscale: 1.5")
        XCTAssertEqual(early.hires?.scale, 1.5)
        XCTAssertEqual(early.hires?.upscaler, .latent)
        XCTAssertEqual(early.hires?.unavailableUpscaler, "Latent (bicubic antialiased)")
        XCTAssertNil(try Infotext.parse("x\nSteps: 20, Sampler: Euler, Seed: 1, Hires upscale: 2, Hires upscaler: lanczos").hires?.note)
    }

    func testBadValuesNameTheKeyAndValidationNamesTheField() {
        XCTAssertThrowsError(try Infotext.parse("x\nSteps: 20, Sampler: Euler, Seed: 1, Hires upscale: big")) {
            XCTAssertTrue("\($0)".hasPrefix("infotext key 'Hires upscale'"), "\($0)")
        }
        var settings = RenderSettings()
        settings.denoisingStrength = 0
        XCTAssertThrowsError(try settings.validate()) { XCTAssertEqual("\($0)", "strength: must be in (0, 1], got 0.0") }
        settings.denoisingStrength = 0.5
        settings.hires = HiresFix(scale: 8)
        XCTAssertThrowsError(try settings.validate()) { XCTAssertTrue("\($0)".hasPrefix("hires scale:"), "\($0)") }
    }
}
