import EngineAPI
import Foundation
import Imaging
import TestSupport
import XCTest
@testable import EaselCLI

/// `easel generate` without size, steps or clip skip flags takes them from the model's family
/// (`PromptKit/Profiles/ModelProfiles.swift`): SDXL 1024×1024 and 30 steps; a file whose
/// `modelspec.title` names Pony 1024×1024, 40 steps and clip skip 2; SD 1.x 512×512, 60 steps.
/// The request is read at the engine seam (`RecordingEngine`), so nothing renders.
final class ModelFamilyDefaultsTests: XCTestCase {
    private func sentSettings(model: URL, extra: [String] = []) throws -> (width: Int, height: Int, steps: Int, clipSkip: Int) {
        let engine = RecordingEngine()
        let saved = EngineChoice.make
        EngineChoice.make = { _, _ in engine }
        defer { EngineChoice.make = saved }
        let output = try Fixtures.temporaryDirectory("easel-defaults").appendingPathComponent("out.png")
        var command = try XCTUnwrap(try Easel.parseAsRoot(["generate", "--model", model.path, "--prompt", "a cat",
                                                           "-o", output.path] + extra) as? GenerateCommand)
        try command.run()
        let s = try XCTUnwrap(engine.requests.first).settings
        return (s.width, s.height, s.steps, s.clipSkip)
    }

    func testDefaultsFollowTheModelsFamily() throws {
        let pony = try Fixtures.temporaryDirectory("easel-defaults").appendingPathComponent("tiny-xl.safetensors")
        try SafeTensorsMetadataCopy.write(from: Fixtures.url("tiny-sdxl-fp16.safetensors"), to: pony,
                                          metadata: ["modelspec.title": "Pony Diffusion V6 XL"])
        let cases: [(URL, [Int])] = [
            (Fixtures.url("tiny-sdxl.safetensors"), [1024, 1024, 30, 1]),
            (Fixtures.url("tiny-sdxl-diffusers"), [1024, 1024, 30, 1]),
            (pony, [1024, 1024, 40, 2]),
            (Fixtures.url("tiny-sd15.safetensors"), [512, 512, 60, 1]),
        ]
        for (model, expected) in cases {
            let s = try sentSettings(model: model)
            XCTAssertEqual([s.width, s.height, s.steps, s.clipSkip], expected, model.lastPathComponent)
        }
    }

    /// A PNG from A1111's SDXL run (the infotext posted on A1111 pull request #15333, also in
    /// `InfotextRealExamplesTests`) loads back: its size, steps and clip skip reach the engine.
    func testAnA1111SDXLPNGLoadsBack() throws {
        let png = try Fixtures.temporaryDirectory("easel-defaults").appendingPathComponent("a1111-sdxl.png")
        let text = "photography of a nice girl\nSteps: 8, Sampler: Euler, Schedule type: SGM Uniform, CFG scale: 1, "
            + "Seed: 0, Size: 896x1152, Model hash: 43f0501ac4, Model: sdxl_lightning_8step, Clip skip: 2, RNG: CPU, "
            + "SGM noise multiplier: True, Version: v1.8.0-238-g31306ce6"
        try PNGFile.write(try RGBImage(width: 8, height: 8, pixels: [UInt8](repeating: 9, count: 192)),
                          text: [(key: "parameters", value: text)], to: png)
        let s = try sentSettings(model: Fixtures.url("tiny-sdxl.safetensors"), extra: ["--from", png.path])
        XCTAssertEqual([s.width, s.height, s.steps, s.clipSkip], [896, 1152, 8, 2])
    }
}
