import EngineAPI
import Foundation
import Imaging
import RenderSettings
import TestSupport
import XCTest
@testable import RemoteEngines

/// LoRAs through the real `sd-server`, started with `--lora-model-dir` holding `TinyLoRA`.
/// sd-server 0.4.7 lists them at `/sdapi/v1/loras` (`name`, `path`) and parses no
/// `<lora:…>` tags in a prompt (`examples/server/routes_sdapi.cpp`): Easel sends them in its
/// `lora` field instead and takes them out of the prompt.
extension SDServerTests {
    func testTheServersLorasAreListedForTheBrowser() throws {
        let engine = try engine()
        let adapters = try XCTUnwrap(engine.availableAdapters(), "sd-server has /sdapi/v1/loras")
        XCTAssertEqual(adapters.map(\.name), [Self.loraName])
        XCTAssertEqual(adapters.first?.path, Self.loraName + ".safetensors", "sd-server's path is relative to its LoRA folder")
        XCTAssertEqual(adapters.first?.kind, .lora)
        _ = try engine.connect()
        XCTAssertTrue(engine.capabilities.lora)
    }

    /// The same seed with and without `<lora:easel-tiny-lora:1>`: the server applied it, so the
    /// pictures differ. With a name the server lacks the tag is dropped with a note and the
    /// picture is the plain one, so the difference is the LoRA's, not the tag text's. (The
    /// unknown name renders before the LoRA does: sd-server patches fp16 weights in place —
    /// its default `--lora-apply-mode` for unquantised weights — and taking the LoRA off again
    /// leaves rounding behind, so a plain render after a LoRA render differs a little; printed.)
    func testALoraTagIsAppliedByTheServerAndAnUnknownOneIsANote() throws {
        let engine = try engine()
        let (plain, _) = try render(engine, EngineRequest(settings: Self.settings))
        var unknown = Self.settings
        unknown.prompt += " <lora:not-there:1>"
        let (withoutLora, unknownNotes) = try render(engine, EngineRequest(settings: unknown))
        XCTAssertEqual(withoutLora, plain, "an unknown LoRA renders without it")
        XCTAssertTrue(unknownNotes.contains("lora 'not-there' is not on \(engine.label) (it has: \(Self.loraName)); rendered without it"),
                      "\(unknownNotes)")

        var tagged = Self.settings
        tagged.prompt += " <lora:\(Self.loraName):1>"
        let (withLora, notes) = try render(engine, EngineRequest(settings: tagged))
        let difference = PixelDifference(plain.pixels, withLora.pixels).mean
        XCTAssertGreaterThan(difference, 1, "the LoRA changed the picture")
        XCTAssertFalse(notes.contains { $0.contains("lora") }, "\(notes)")
        XCTAssertTrue(Self.server!.log.contains(Self.loraName), "sd-server's log names the LoRA it loaded")
        let (after, _) = try render(engine, EngineRequest(settings: Self.settings))
        print("LoRA at weight 1: mean difference \(difference); a plain render after it: \(PixelDifference(plain.pixels, after.pixels).mean)")
    }

    /// The `lora` field carries the tag's UNet weight, and the prompt goes without the tag.
    func testTheLoraFieldCarriesTheWeight() throws {
        let engine = try engine()
        var settings = Self.settings
        settings.prompt = "a red lighthouse <lora:\(Self.loraName):0.6:0.8>"
        let job = try engine.job(for: EngineRequest(settings: settings), model: EngineModel(id: "", name: ""), facts: engine.readServer())
        let request = try XCTUnwrap(job.body as? A1111API.Txt2ImgRequest)
        XCTAssertEqual(request.lora, [A1111API.SDCppLora(path: Self.loraName + ".safetensors", multiplier: 0.8)])
        XCTAssertEqual(request.prompt, "a red lighthouse ")
        XCTAssertTrue(job.notes.contains { $0.contains("takes one weight") }, "\(job.notes)")
    }
}
