import EngineAPI
import Foundation
import Models
import RenderSettings
import TestSupport
import XCTest
@testable import Diffusion

/// Issue 17, item 8: before the check, NaN weights gave an all-black PNG and no error. Each
/// case writes NaN (0x7FC00000) into one fp32 tensor of the tiny fixture, a tensor that feeds
/// only that stage's output, and expects the one-line error to name that stage.
final class FiniteValueCheckTests: XCTestCase {
    private let tensors: [(String, FiniteValueCheck.Stage)] = [
        ("cond_stage_model.transformer.text_model.final_layer_norm.bias", .textEncoder),
        ("model.diffusion_model.out.2.bias", .unet),
        ("first_stage_model.decoder.conv_out.bias", .vae),
    ]

    func testNaNWeightsFailNamingTheStage() throws {
        for (tensor, stage) in tensors {
            let file = try Self.fixture(withNaNIn: tensor)
            defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
            let pipeline = try StableDiffusionPipeline(checkpoint: try StableDiffusionCheckpoint.load(file), precision: .fp32) { _ in
                [ConditioningChunk(ids: [49406] + Array(repeating: 49407, count: 76), multipliers: Array(repeating: 1, count: 77))]
            }
            let request = EngineRequest(settings: RenderSettings(prompt: "a cat", steps: 2, sampler: .euler, schedule: .normal,
                                                                 cfgScale: 7, seed: 1, width: 64, height: 64))
            XCTAssertThrowsError(try pipeline.generate(request)) {
                XCTAssertTrue("\($0)".hasPrefix("the \(stage.rawValue) produced NaN or infinite values"), "\(tensor): \($0)")
            }
        }
    }

    func testTheCheckPassesFiniteValuesAndCatchesInfinity() throws {
        try FiniteValueCheck.require([1, -2, Float.greatestFiniteMagnitude, Float.greatestFiniteMagnitude], .unet)
        XCTAssertThrowsError(try FiniteValueCheck.require([1, .infinity, -.infinity], .unet, at: "step 3 of 20")) {
            XCTAssertEqual("\($0)", "the UNet produced NaN or infinite values (step 3 of 20); the checkpoint's weights are probably damaged. No image was written")
        }
        XCTAssertThrowsError(try FiniteValueCheck.require([0, .nan], .vae))
    }

    /// A copy of `tiny-sd15.safetensors` with every value of `tensor` (fp32) set to NaN.
    static func fixture(withNaNIn tensor: String) throws -> URL {
        var bytes = [UInt8](try Data(contentsOf: Fixtures.url("tiny-sd15.safetensors")))
        let headerLength = bytes[0..<8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        let header = try JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + headerLength)])) as! [String: Any]
        let offsets = (header[tensor] as! [String: Any])["data_offsets"] as! [Int]
        for index in stride(from: 8 + headerLength + offsets[0], to: 8 + headerLength + offsets[1], by: 4) {
            bytes.replaceSubrange(index..<(index + 4), with: [0x00, 0x00, 0xC0, 0x7F])
        }
        let url = try Fixtures.temporaryDirectory("easel-nan").appendingPathComponent("nan.safetensors")
        try Data(bytes).write(to: url)
        return url
    }
}
