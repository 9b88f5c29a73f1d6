import EngineAPI
import Foundation
import Imaging
import RenderSettings
import TestSupport
import XCTest
@testable import RemoteEngines

/// `<lora:…>` tags through the real ComfyUI: a kohya-format LoRA (LDM module names, as ComfyUI's
/// `comfy/lora.py` `model_lora_keys_unet` maps `lora_unet_<diffusion_model key with _>` and
/// `model_lora_keys_clip` maps `lora_te_text_model_encoder_layers_N_self_attn_q_proj`) with SD
/// 1.5's real shapes for two UNet attention projections and one CLIP one, written into the run
/// folder's `models/loras`.
extension ComfyUIServerTests {
    static let loraName = "easel-test-lora"

    /// The LoRA's modules: name, in and out features (SD 1.5: input_blocks.1.1 works at 320
    /// channels, cross-attention keys read CLIP's 768), written by `TinyLoRA`.
    static let loraModules: [(String, Int, Int)] = [
        ("lora_unet_input_blocks_1_1_transformer_blocks_0_attn1_to_q", 320, 320),
        ("lora_unet_input_blocks_1_1_transformer_blocks_0_attn2_to_k", 768, 320),
        ("lora_te_text_model_encoder_layers_0_self_attn_q_proj", 768, 768),
    ]

    func writeTestLora() throws -> URL {
        let run = TestServer.cache.appendingPathComponent("comfyui/run/\(try started().port)")
        let file = run.appendingPathComponent("models/loras/\(Self.loraName).safetensors")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try TinyLoRA.write(to: file, modules: Self.loraModules)
        return file
    }

    func render(_ engine: ComfyEngine, _ request: EngineRequest) throws -> RGBImage {
        let events = EngineEvents()
        engine.load(Self.model) { events.record($0) }
        engine.submit(request) { events.record($0) }
        XCTAssertTrue(events.waitForEnd(seconds: 400), "ComfyUI rendered within 400 s")
        if let failure = events.failure { throw TestServerError("ComfyUI: \(failure)") }
        return try XCTUnwrap(events.images?.first).image
    }

    func testALoraTagBecomesALoraLoaderChainAndChangesTheImage() throws {
        _ = try writeTestLora()
        let engine = try engine()
        XCTAssertEqual(engine.availableAdapters()?.map(\.name), [Self.loraName], "LoraLoader's lora_name list")
        XCTAssertEqual(engine.availableAdapters()?.first?.path, "\(Self.loraName).safetensors")
        XCTAssertTrue(engine.capabilities.lora)

        var settings = Self.settings
        settings.seed = 777
        settings.prompt = "a red lighthouse <lora:\(Self.loraName):0.8:1.5>"
        let graph = try engine.graph(settings, model: Self.model)
        let loras = graph.filter { $0.value["class_type"]?.string == "LoraLoader" }
        XCTAssertEqual(loras.count, 1)
        let (id, lora) = try XCTUnwrap(loras.first)
        XCTAssertEqual(lora["inputs"]?["lora_name"], .string("\(Self.loraName).safetensors"))
        XCTAssertEqual(lora["inputs"]?["strength_model"]?.number, 1.5, "unet weight")
        XCTAssertEqual(lora["inputs"]?["strength_clip"]?.number, 0.8, "te weight")
        XCTAssertEqual(lora["inputs"]?["model"], .array([.string("4"), .integer(0)]))
        XCTAssertEqual(lora["inputs"]?["clip"], .array([.string("4"), .integer(1)]))
        XCTAssertEqual(graph["3"]?["inputs"]?["model"], .array([.string(id), .integer(0)]), "KSampler reads the LoRA's MODEL")
        XCTAssertEqual(graph["10"]?["inputs"]?["clip"], .array([.string(id), .integer(1)]), "CLIPSetLastLayer reads its CLIP")
        XCTAssertEqual(graph["6"]?["inputs"]?["text"], .string("a red lighthouse "), "the tag is not sent as text")

        var plain = settings
        plain.prompt = "a red lighthouse "
        let without = try render(engine, EngineRequest(settings: plain))
        let with = try render(engine, EngineRequest(settings: settings))
        let difference = PixelDifference(with.pixels, without.pixels)
        FileHandle.standardError.write(Data("ComfyUI LoRA: with vs without the tag, mean \(difference.mean) max \(difference.max)\n".utf8))
        // Measured on the pinned ComfyUI (seed 777, 3 steps, TinyLoRA values): mean abs difference 24.20, max 153.
        XCTAssertGreaterThan(difference.mean, 1, "the server applied the LoRA")
        XCTAssertFalse(Self.server!.log.contains("lora key not loaded"), "every key maps (comfy/lora.py)")
    }

    func testAMissingLoraIsOneLineBeforeQueueing() throws {
        _ = try writeTestLora()
        let engine = try engine()
        var settings = Self.settings
        settings.prompt = "a red lighthouse <lora:no-such-lora:1>"
        func queued() -> Int { Self.server!.log.components(separatedBy: "got prompt").count - 1 }
        let before = queued()
        let events = EngineEvents()
        engine.load(Self.model) { events.record($0) }
        engine.submit(EngineRequest(settings: settings)) { events.record($0) }
        XCTAssertTrue(events.waitForEnd(seconds: 60))
        XCTAssertEqual(events.failure,
                       "lora 'no-such-lora' is not on comfyui \"comfy\" at \(Self.server!.url.absoluteString) (its LoRAs: \(Self.loraName))")
        XCTAssertEqual(queued(), before, "nothing was queued (ComfyUI logs 'got prompt' for each)")
    }
}
