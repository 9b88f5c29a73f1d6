import EngineAPI
import Foundation
import Imaging
import RenderSettings
import TestSupport
import XCTest
@testable import RemoteEngines

/// The ComfyUI client against the real, pinned ComfyUI of `../shared/comfyui` on the CPU
/// (`../shared/tools/comfyui-server`), loading the random SD 1.5-shape checkpoint. 64×64 with
/// a few steps: seconds a render.
final class ComfyUIServerTests: XCTestCase {
    nonisolated(unsafe) static var server: TestServer?
    nonisolated(unsafe) static var startError: Error?

    override class func setUp() {
        do {
            let checkpoint = try RandomCheckpoint.ensure()
            server = try TestServer.start(.comfyui, ["--models", checkpoint.deletingLastPathComponent().path])
        } catch {
            startError = error
        }
    }

    override class func tearDown() { server?.stop() }

    func started() throws -> TestServer {
        if let skip = Self.startError as? XCTSkip { throw skip }
        if let error = Self.startError { XCTFail("comfyui-server did not start: \(error)"); throw error }
        return try XCTUnwrap(Self.server)
    }

    func engine(template: String? = nil) throws -> ComfyEngine {
        try ComfyEngine(config: RemoteEngineConfig(name: "comfy", kind: .comfyui, url: started().url, timeout: 300,
                                                   template: template))
    }

    static let model = EngineModel(id: RandomCheckpoint.fileName, name: "easel-sd15-random-fp16")
    static let settings = RenderSettings(prompt: "a red lighthouse", negativePrompt: "fog", steps: 3, sampler: .eulerA,
                                         cfgScale: 5, seed: 42, width: 64, height: 64)

    func testTxt2ImgReportsProgressAndPreviewsFromTheWebsocket() throws {
        let engine = try engine()
        XCTAssertTrue(engine.availableModels().contains { $0.id == RandomCheckpoint.fileName })
        let events = EngineEvents()
        engine.load(Self.model) { events.record($0) }
        var settings = Self.settings
        settings.seed = UInt64.random(in: 1...1_000_000)   // a new seed: ComfyUI would answer a repeated graph from its cache
        engine.submit(EngineRequest(settings: settings)) { events.record($0) }
        XCTAssertTrue(events.waitForEnd(seconds: 180), "no end within 180 s")
        XCTAssertNil(events.failure)
        let image = try XCTUnwrap(events.images?.first)
        XCTAssertEqual([image.image.width, image.image.height], [64, 64])
        XCTAssertEqual(image.seed, settings.seed)
        let steps = events.progress.map(\.step)
        XCTAssertEqual(steps.last, 3, "progress {value, max} for every step: \(steps)")
        XCTAssertEqual(events.progress.last?.totalSteps, 3)
        XCTAssertTrue(events.progress.contains { $0.preview != nil }, "binary preview frames (latent2rgb JPEG) arrive")
    }

    func testSamplerAndSchedulerNamesComeFromObjectInfo() throws {
        let facts = try engine().readServer()
        XCTAssertEqual(facts.samplerNames[.eulerA], "euler_ancestral")
        XCTAssertEqual(facts.samplerNames[.dpmpp2mSDE], "dpmpp_2m_sde")
        XCTAssertEqual(facts.scheduleNames[.karras], "karras")
        XCTAssertEqual(facts.checkpoints, [RandomCheckpoint.fileName])
    }

    /// Loads the test model and queues a 400-step job with a fresh seed (ComfyUI answers a
    /// repeated graph from its cache): a prompt still running when the test stops it.
    @discardableResult
    func startLongJob(_ engine: ComfyEngine, _ events: EngineEvents) -> EngineJob {
        engine.load(Self.model) { events.record($0) }
        var settings = Self.settings
        settings.steps = 400
        settings.seed = UInt64.random(in: 1...1_000_000)
        return engine.submit(EngineRequest(settings: settings)) { events.record($0) }
    }

    func testInterruptStopsARunningPrompt() throws {
        let engine = try engine()
        let events = EngineEvents()
        let job = startLongJob(engine, events)
        let deadline = Date().addingTimeInterval(120)
        while events.progress.isEmpty, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertFalse(events.progress.isEmpty, "the prompt started")
        let cancelledAt = Date()
        job.cancel()
        // ComfyUI stops at the end of the running step (seen: 17–34 s a step at 64×64 on these
        // 2 shared cores under load; 0.3 s when idle).
        XCTAssertTrue(events.waitForEnd(seconds: 150))
        XCTAssertTrue(events.wasCancelled, "\(events.all)")
        XCTAssertLessThan(Date().timeIntervalSince(cancelledAt), 150)
        XCTAssertLessThan(events.progress.last?.step ?? 0, 400)
        XCTAssertTrue(Self.server!.log.contains("Processing interrupted"), "the server stopped the prompt")
    }

    /// What the workbench does on Ctrl-Q mid-render: `shutdown()` alone (no job.cancel first)
    /// must stop the prompt on the server before it returns, since the process ends next.
    func testShutdownStopsTheRunningPromptOnTheServerBeforeReturning() throws {
        let engine = try engine()
        let events = EngineEvents()
        startLongJob(engine, events)
        let deadline = Date().addingTimeInterval(120)
        while events.progress.isEmpty, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertFalse(events.progress.isEmpty, "the prompt started")
        func interrupts() -> Int { Self.server!.log.components(separatedBy: "Processing interrupted").count - 1 }
        let before = interrupts()
        engine.shutdown()
        // The interrupt was sent before shutdown returned; the server stops at the end of the
        // running step and says so in its log (ComfyUI's execution.py: "Processing interrupted").
        let stop = Date().addingTimeInterval(150)
        while interrupts() == before, Date() < stop { Thread.sleep(forTimeInterval: 0.5) }
        XCTAssertGreaterThan(interrupts(), before, "the server stopped the prompt")
        XCTAssertTrue(events.waitForEnd(seconds: 150))
    }

    /// The engine picker's connect: the models, or the server's address in one line; a loaded
    /// model's family is a guess from its name (the test checkpoint's metadata names none).
    func testConnectNamesTheServerAndALoadSaysTheFamilyIsGuessed() throws {
        let down = try ComfyEngine(config: RemoteEngineConfig(name: "down", kind: .comfyui, url: URL(string: "http://127.0.0.1:9")!))
        XCTAssertThrowsError(try down.connect()) { error in
            guard case .unreachable(let url, _)? = error as? RemoteEngineError else { return XCTFail("\(error)") }
            XCTAssertEqual(url, "http://127.0.0.1:9")
        }
        let engine = try engine()
        XCTAssertEqual(try engine.connect().map(\.id), [RandomCheckpoint.fileName])
        let events = EngineEvents()
        engine.load(Self.model) { events.record($0) }
        engine.waitUntilIdle()
        let loaded = events.all.compactMap { event -> EngineModel? in if case .modelLoaded(let m) = event { return m } else { return nil } }
        XCTAssertEqual(loaded.first?.familyGuess, FamilyGuess(family: .sd1, basis: "the name 'easel-sd15-random-fp16'"))
    }

    func testAnUnknownModelIsOneLine() throws {
        let engine = try engine()
        let events = EngineEvents()
        engine.load(EngineModel(id: "nope.safetensors", name: "nope")) { events.record($0) }
        XCTAssertTrue(events.waitForEnd(seconds: 30))
        XCTAssertEqual(events.failure,
                       "model 'nope.safetensors' is not on comfyui \"comfy\" at \(Self.server!.url.absoluteString) (it has: \(RandomCheckpoint.fileName))")
    }

    func testAnInvalidGraphIsRefusedWithComfyUIsReasonInOneLine() throws {
        let work = try Fixtures.temporaryDirectory("easel-comfy")
        let template = work.appendingPathComponent("broken.json")
        try #"""
        {"name": "broken", "graph": {
          "1": {"class_type": "NoSuchNode", "inputs": {"text": "{{prompt}}", "seed": "{{seed}}", "steps": "{{steps}}", "m": "{{model}}"}},
          "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "x", "images": ["1", 0]}}}}
        """#.write(to: template, atomically: true, encoding: .utf8)
        let engine = try engine(template: template.path)
        let graph = try engine.graph(Self.settings, model: Self.model)
        XCTAssertThrowsError(try engine.queue(graph, clientID: "test")) { error in
            XCTAssertEqual("\(error)", "comfyui \"comfy\" at \(Self.server!.url.absoluteString) refused the graph: Cannot execute because node NoSuchNode does not exist")
        }
        // A value out of range: ComfyUI's node_errors, summarised.
        var small = Self.settings
        small.width = 8
        let sd = try self.engine()
        var bad = try sd.graph(small, model: Self.model)
        bad["5"] = .object(["class_type": .string("EmptyLatentImage"),
                            "inputs": .object(["width": .integer(3), "height": .integer(64), "batch_size": .integer(1)])])
        XCTAssertThrowsError(try sd.queue(bad, clientID: "test")) { error in
            let line = "\(error)"
            XCTAssertFalse(line.contains("\n"))
            XCTAssertTrue(line.contains("node 5 EmptyLatentImage: Value 3 smaller than min of 16"), line)
        }
    }

    func testATemplateWithoutARequiredSlotIsRefused() throws {
        let work = try Fixtures.temporaryDirectory("easel-comfy")
        let template = work.appendingPathComponent("noseed.json")
        try #"{"name": "noseed", "graph": {"9": {"class_type": "SaveImage", "inputs": {"t": "{{prompt}}", "s": "{{steps}}", "m": "{{model}}"}}}}"#
            .write(to: template, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try engine(template: template.path)) { error in
            XCTAssertEqual("\(error)", "graph template 'noseed' (\(template.path)): missing slot {{seed}}")
        }
    }

    /// No FLUX weights exist here, so the FLUX and Kontext templates are checked by ComfyUI's
    /// own `/prompt` validation (node classes, inputs, links, value ranges, file names in the
    /// model lists, LoadImage's file in the input folder) with empty placeholder files under
    /// the names the graphs use; they are not rendered. Each graph is queued (validation
    /// passed) and stopped before its placeholder weights would fail to load: FLUX txt2img, with
    /// a LoRA tag, as img2img, and Kontext with an uploaded init image.
    func testFluxAndKontextTemplatesPassComfyUIsValidation() throws {
        let server = try started()
        let run = TestServer.cache.appendingPathComponent("comfyui/run/\(server.port)")
        let placeholders = ["models/diffusion_models/flux1-dev.safetensors", "models/text_encoders/t5xxl_fp16.safetensors",
                            "models/text_encoders/clip_l.safetensors", "models/vae/ae.safetensors"]
        for path in placeholders {
            let file = run.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: file.path, contents: Data())
        }
        _ = try writeTestLora()

        let engine = try engine()
        let flux = try XCTUnwrap(engine.availableModels().first { $0.id == "diffusion_models/flux1-dev.safetensors" })
        XCTAssertEqual(flux.family, .flux)
        var settings = Self.settings
        settings.cfgScale = 3.5
        settings.sampler = .euler
        settings.schedule = .simple
        let fluxGraph = try engine.graph(settings, model: flux)
        XCTAssertEqual(fluxGraph["3"]?["inputs"]?["cfg"]?.number, 1, "KSampler at cfg 1")
        XCTAssertEqual(fluxGraph["26"]?["inputs"]?["guidance"]?.number, 3.5, "CFG goes to FluxGuidance")
        XCTAssertEqual(fluxGraph["33"]?["inputs"]?["text"], .string(""), "empty negative")
        XCTAssertNoThrow(try interruptAfterValidation(engine, fluxGraph))

        // A LoRA between UNETLoader / DualCLIPLoader and their readers; img2img with the
        // VAELoader's VAE in place of EmptySD3LatentImage.
        var tagged = settings
        tagged.prompt += " <lora:\(Self.loraName):1>"
        let fluxLora = try engine.graph(tagged, model: flux)
        XCTAssertEqual(fluxLora.values.filter { $0["class_type"]?.string == "LoraLoader" }.count, 1)
        XCTAssertNoThrow(try interruptAfterValidation(engine, fluxLora))
        var strength = settings
        strength.denoisingStrength = 0.6
        let picture = try Self.initPicture()
        let fluxImg2Img = try engine.graph(for: EngineRequest(settings: strength, initImage: InitImage(image: picture)), model: flux)
        XCTAssertNil(fluxImg2Img["5"], "EmptySD3LatentImage replaced")
        XCTAssertNoThrow(try interruptAfterValidation(engine, fluxImg2Img))

        // Kontext: the init image is uploaded (POST /upload/image) and named in {{image}}.
        let kontext = try self.engine(template: "flux-kontext")
        let kontextGraph = try kontext.graph(for: EngineRequest(settings: settings, initImage: InitImage(image: picture)), model: flux)
        let uploaded = try XCTUnwrap(kontextGraph["40"]?["inputs"]?["image"]?.string)
        XCTAssertTrue(FileManager.default.fileExists(atPath: run.appendingPathComponent("input/\(uploaded)").path), uploaded)
        XCTAssertEqual(try PNGFile.read(from: run.appendingPathComponent("input/\(uploaded)")).image, picture)
        XCTAssertNoThrow(try interruptAfterValidation(kontext, kontextGraph))
        XCTAssertThrowsError(try kontext.graph(settings, model: flux)) { error in
            XCTAssertEqual("\(error)", "graph template 'flux-kontext' edits an init image ({{image}}); the request has none")
        }
    }

    /// Queues `graph` (validation passes, or `queue` throws), then stops it: its placeholder
    /// weights would fail to load.
    private func interruptAfterValidation(_ engine: ComfyEngine, _ graph: [String: JSONValue]) throws {
        let id = try engine.queue(graph, clientID: "validation")
        _ = try? engine.http.post("/queue", json: ["delete": [id]])
        _ = try? engine.http.post("/interrupt", json: ["prompt_id": id])
    }
}
