import Catalog
import EngineAPI
import Foundation
import Imaging
import RenderSettings
import TestSupport
import XCTest
@testable import LocalEngine

/// The seven complete txt2img runs of `tiny-sd15-adapters/runs/` (torch, diffusers, peft,
/// lycoris and k-diffusion; fixture README), rendered through the in-process engine exactly as
/// `easel generate` does: the prompt's `<lora:…>` tags found in the fixture's LoRA folder,
/// embeddings from its embedding folder. Tolerance: 2 levels max, 0.5 mean.
final class AdapterRunParityTests: XCTestCase {
    static let adapters = Fixtures.url("tiny-sd15-adapters")

    static var runs: [[String: Any]] {
        let data = try! Fixtures.data("tiny-sd15-adapters/manifest.json")
        return (try! JSONSerialization.jsonObject(with: data) as! [String: Any])["runs"] as! [[String: Any]]
    }

    static func request(_ run: [String: Any]) -> EngineRequest {
        let settings = RenderSettings(
            prompt: run["prompt"] as! String, negativePrompt: run["negative"] as! String, steps: run["steps"] as! Int,
            sampler: Sampler(rawValue: run["sampler"] as! String)!, schedule: Schedule(rawValue: run["schedule"] as! String)!,
            cfgScale: (run["cfg"] as! NSNumber).doubleValue, seed: UInt64(run["seed"] as! Int),
            width: run["width"] as! Int, height: run["height"] as! Int, clipSkip: run["clip_skip"] as! Int)
        return EngineRequest(settings: settings, loraFolders: [adapters.appendingPathComponent("loras").path],
                             embeddingFolders: [adapters.appendingPathComponent("embeddings").path])
    }

    func testEveryRunMatchesItsReferencePNG() throws {
        let engine = InProcessEngine(precision: .fp32)
        let model = InProcessEngine.model(at: Fixtures.url("tiny-sd15.safetensors").path)
        var report: [String] = []
        for run in Self.runs {
            let result = try engine.run(Self.request(run), on: model, interrupt: CancellationFlag()) { _ in }
            XCTAssertEqual(result.notes, [], run["png"] as! String)
            let reference = try PNGFile.read(from: Self.adapters.appendingPathComponent(run["png"] as! String)).image
            let diff = PixelDifference(result.images[0].image.pixels, reference.pixels)
            report.append("\(run["png"] as! String): max \(diff.max), mean \(String(format: "%.4f", diff.mean))")
            XCTAssertLessThanOrEqual(diff.max, 2, run["png"] as! String)
            XCTAssertLessThanOrEqual(diff.mean, 0.5, run["png"] as! String)
        }
        print("adapter run parity:\n" + report.joined(separator: "\n"))
    }

    /// An unknown name and an SDXL LoRA are one-line warnings; the render goes on without them.
    func testUnknownAndForeignLorasAreWarningsAndTheRenderGoesOn() throws {
        let engine = InProcessEngine(precision: .fp32)
        let model = InProcessEngine.model(at: Fixtures.url("tiny-sd15.safetensors").path)
        var request = Self.request(Self.runs[0])
        request.settings.prompt = "a cat <lora:no-such-lora:0.8> <lora:sdxl-only:1>"
        request.settings.steps = 1
        request.loraFolders.append(Self.adapters.appendingPathComponent("bad").path)
        let result = try engine.run(request, on: model, interrupt: CancellationFlag()) { _ in }
        XCTAssertEqual(result.images.count, 1)
        XCTAssertEqual(result.notes.count, 2, "\(result.notes)")
        XCTAssertTrue(result.notes[0].contains("'no-such-lora' was not found"), result.notes[0])
        XCTAssertTrue(result.notes[1].contains("sdxl-only.safetensors: made for SDXL"), result.notes[1])
        XCTAssertFalse(result.notes.contains { $0.contains("\n") })
    }

    /// A name matches the file's `ss_output_name` too (tinylora-ldm is `tiny_detail_v1`).
    func testOutputNameMetadataIsAnAlias() throws {
        let engine = InProcessEngine(precision: .fp32)
        let model = InProcessEngine.model(at: Fixtures.url("tiny-sd15.safetensors").path)
        var byName = Self.request(Self.runs[0]), byAlias = byName
        byAlias.settings.prompt = "a photo of a cat <lora:tiny_detail_v1:0.8>"
        let a = try engine.run(byName, on: model, interrupt: CancellationFlag()) { _ in }
        let b = try engine.run(byAlias, on: model, interrupt: CancellationFlag()) { _ in }
        XCTAssertEqual(b.notes, [])
        XCTAssertEqual(a.images[0].image, b.images[0].image)
        byName.settings.prompt = "a photo of a cat"
        let plain = try engine.run(byName, on: model, interrupt: CancellationFlag()) { _ in }
        XCTAssertNotEqual(plain.images[0].image, a.images[0].image)
    }
}
