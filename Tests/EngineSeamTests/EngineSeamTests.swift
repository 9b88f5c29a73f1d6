import EngineAPI
import Foundation
import Imaging
import RenderSettings
import TestSupport
import XCTest
@testable import EaselCLI
@testable import TUI

/// `easel generate` and the workbench reach the engine through the same `ImageEngine`
/// protocol: both are driven here through `RecordingEngine`, and what each sends is checked
/// against settings written out by hand from the command line and the workbench's job.
final class EngineSeamTests: XCTestCase {
    func testGenerateSendsItsSettingsThroughTheEngineProtocol() throws {
        let engine = RecordingEngine()
        let saved = EngineChoice.make
        EngineChoice.make = { _, _, _ in engine }
        defer { EngineChoice.make = saved }
        let work = try Fixtures.temporaryDirectory("easel-seam")
        let output = work.appendingPathComponent("out.png")
        let model = Fixtures.url("tiny-sd15.safetensors")
        var command = try XCTUnwrap(try Easel.parseAsRoot([
            "generate", "--model", model.path, "--prompt", "a lighthouse", "--negative", "fog",
            "--steps", "3", "--cfg", "5.5", "--seed", "42", "--width", "64", "--height", "48",
            "--sampler", "DPM++ 2M Karras", "-o", output.path,
        ]) as? GenerateCommand)
        try command.run()

        XCTAssertEqual(engine.loads.map(\.id), [model.standardizedFileURL.path])
        XCTAssertEqual(engine.requests.count, 1)
        let sent = try XCTUnwrap(engine.requests.first)
        XCTAssertEqual(sent.draftScale, 1)
        let s = sent.settings
        XCTAssertEqual([s.prompt, s.negativePrompt], ["a lighthouse", "fog"])
        XCTAssertEqual([s.steps, s.width, s.height, s.batchSize], [3, 64, 48, 1])
        XCTAssertEqual(s.cfgScale, 5.5)
        XCTAssertEqual(s.seed, 42)
        XCTAssertEqual(s.sampler, .dpmpp2m)
        XCTAssertEqual(s.schedule, .karras)
        // The PNG records the model as the engine described it (name and hash).
        let text = try PNGFile.readText(from: output)["parameters"] ?? ""
        XCTAssertTrue(text.contains("Model hash: \(RecordingEngine.hash), Model: tiny-sd15"), text)
    }

    func testWorkbenchSessionSendsTheJobsSettingsThroughTheEngineProtocol() throws {
        let engine = RecordingEngine()
        let events = EventLog()
        let session = EngineSession(engine: engine) { events.append($0) }
        session.loadModel(path: "/models/recorded.safetensors")
        let settings = RenderSettings(prompt: "red heart, sky, day", steps: 20, sampler: .eulerA, cfgScale: 7,
                                      seed: 7, width: 64, height: 64)
        session.start(job: 3, settings: settings)

        XCTAssertEqual(engine.loads.map(\.name), ["recorded"])
        XCTAssertEqual(engine.requests, [EngineRequest(settings: settings)])
        let names = events.all.map { event -> String in
            switch event {
            case .modelLoading(let name): return "loading \(name)"
            case .modelLoaded(let name, _, _): return "loaded \(name)"
            case .modelHashed(let hash): return "hash \(hash)"
            case .progress(let job, let step, let total, _, _): return "job \(job) step \(step)/\(total)"
            case .finished(let job, _, let image): return "job \(job) finished \(image.width)x\(image.height)"
            case .failed(let job, let message): return "job \(job) failed \(message)"
            case .cancelled(let job): return "job \(job) cancelled"
            case .modelFailed(let name, let message): return "failed \(name) \(message)"
            case .note(let text): return "note \(text)"
            case .history: return "history"
            case .engineConnected(let name, _, _, _): return "engine \(name)"
            case .adaptersListed(_, let source): return "adapters of \(source)"
            case .folderAdaptersListed(_, let engine): return "folder adapters for \(engine)"
            case .engineFailed(let name, let message): return "engine \(name) failed \(message)"
            }
        }
        XCTAssertEqual(names, ["loading recorded", "loaded recorded", "hash 0123456789",
                               "job 3 step 1/20", "job 3 finished 64x64"])
    }

    func testWorkbenchRefusesInvalidSettingsBeforeTheEngine() {
        let engine = RecordingEngine()
        let events = EventLog()
        let session = EngineSession(engine: engine) { events.append($0) }
        session.start(job: 1, settings: RenderSettings(steps: 0))
        XCTAssertTrue(engine.requests.isEmpty)
        guard case .failed(1, let message)? = events.all.first else { return XCTFail("\(events.all)") }
        XCTAssertEqual(message, "steps: must be at least 1, got 0")
    }
}

/// Render events gathered from the engine's thread.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [RenderEvent] = []
    func append(_ event: RenderEvent) { lock.lock(); events.append(event); lock.unlock() }
    var all: [RenderEvent] { lock.lock(); defer { lock.unlock() }; return events }
}

/// An engine whose capabilities lack img2img refuses a request with an init image, naming it.
final class ImageToImageCapabilityTests: XCTestCase {
    func testInitImageNeedsImageToImage() throws {
        var settings = RenderSettings(steps: 4, width: 64, height: 64)
        settings.denoisingStrength = 0.5
        let request = EngineRequest(settings: settings, initImage: InitImage(image: RGBImage(width: 64, height: 64)))
        let without = EngineCapabilities(families: [.sd1], samplers: Sampler.allCases, schedules: Schedule.allCases,
                                         maximumSide: 2048, imageToImage: false)
        XCTAssertThrowsError(try request.validate(for: without)) {
            XCTAssertEqual("\($0)", "this engine does not render from an init image (img2img, inpainting)")
        }
        var with = without
        with.imageToImage = true
        XCTAssertNoThrow(try request.validate(for: with))
    }
}
