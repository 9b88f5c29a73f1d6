import EngineAPI
import Foundation
import Imaging
import RenderSettings
import TestSupport
import XCTest
@testable import RemoteEngines

/// The A1111-API client against a real stable-diffusion.cpp `sd-server` (built from its PyPI
/// source package by `../shared/tools/sd-server`), loading the random SD 1.5-shape checkpoint.
/// 64×64, 2 steps: about 3 s a render on this CPU. The server's `--lora-model-dir` holds one
/// small real LoRA (`TinyLoRA`, written here) for the LoRA tests.
final class SDServerTests: XCTestCase {
    nonisolated(unsafe) static var server: TestServer?
    nonisolated(unsafe) static var startError: Error?
    nonisolated(unsafe) static var loraFolder: URL?
    static let loraName = "easel-tiny-lora"

    override class func setUp() {
        do {
            let checkpoint = try RandomCheckpoint.ensure()
            let folder = try Fixtures.temporaryDirectory("easel-sd-loras")
            try TinyLoRA.write(to: folder.appendingPathComponent(loraName + ".safetensors"))
            loraFolder = folder
            server = try TestServer.start(.sdServer, ["--model", checkpoint.path, "--", "-t", "2", "--lora-model-dir", folder.path])
        } catch {
            startError = error
        }
    }

    override class func tearDown() {
        server?.stop()
        if let loraFolder { try? FileManager.default.removeItem(at: loraFolder) }
    }

    func started() throws -> TestServer {
        if let skip = Self.startError as? XCTSkip { throw skip }
        if let error = Self.startError { XCTFail("sd-server did not start: \(error)"); throw error }
        return try XCTUnwrap(Self.server)
    }

    func engine() throws -> A1111Engine {
        try A1111Engine(config: RemoteEngineConfig(name: "sd", kind: .a1111, url: started().url, timeout: 120))
    }

    static let settings = RenderSettings(prompt: "a red lighthouse", negativePrompt: "fog", steps: 2, sampler: .euler,
                                         cfgScale: 5, seed: 1234, width: 64, height: 64)

    func testTxt2ImgReturnsTheImageWithTheSeedSentAndSaysItCannotInterrupt() throws {
        let engine = try engine()
        let models = engine.availableModels()
        XCTAssertEqual(models.map(\.name), ["easel-sd15-random-fp16"], "sd-server lists the one model it loaded")
        let run = try engine.run(EngineRequest(settings: Self.settings), on: EngineModel(id: "", name: ""),
                                 interrupt: CancellationFlag()) { _ in }
        XCTAssertEqual(run.images.count, 1)
        let image = try XCTUnwrap(run.images.first)
        XCTAssertEqual([image.image.width, image.image.height], [64, 64])
        XCTAssertEqual(image.seed, 1234, "sd-server returns no seed; the one sent is recorded")
        XCTAssertEqual(run.model.name, "easel-sd15-random-fp16")
        XCTAssertTrue(run.notes.contains { $0.contains("cannot interrupt") }, "\(run.notes)")
        XCTAssertFalse(engine.capabilities.interrupt)
        XCTAssertFalse(engine.capabilities.liveProgress)
        // The same seed renders the same picture; another seed another one.
        let again = try engine.run(EngineRequest(settings: Self.settings), on: run.model, interrupt: CancellationFlag()) { _ in }
        XCTAssertEqual(again.images.first?.image, image.image)
        var other = Self.settings
        other.seed = 99
        let different = try engine.run(EngineRequest(settings: other), on: run.model, interrupt: CancellationFlag()) { _ in }
        XCTAssertNotEqual(different.images.first?.image, image.image)
    }

    func testSamplerNamesComeFromTheServer() throws {
        let facts = try engine().readServer()
        // sd.cpp's own names (`euler_a`, `dpm++2m`) mapped onto the catalogue.
        XCTAssertEqual(facts.samplerNames[.eulerA], "euler_a", "\(facts.serverSamplers)")
        XCTAssertEqual(facts.samplerNames[.dpmpp2m], "dpm++2m", "\(facts.serverSamplers)")
        XCTAssertNil(facts.samplerNames[.dpmppSDE], "sd-server has no DPM++ SDE: \(facts.serverSamplers)")
    }

    func testASamplerTheServerLacksIsRefusedInsteadOfSilentlyReplaced() throws {
        var settings = Self.settings
        settings.sampler = .dpmppSDE
        let engine = try engine()
        XCTAssertThrowsError(try engine.run(EngineRequest(settings: settings), on: EngineModel(id: "", name: ""),
                                            interrupt: CancellationFlag()) { _ in }) { error in
            XCTAssertTrue("\(error)".hasPrefix("sampler 'DPM++ SDE' is not offered by a1111 \"sd\""), "\(error)")
        }
    }

    /// HTTP Basic auth, through nginx's `auth_basic` in front of this sd-server: the right
    /// password (from its environment variable) lists the models and renders; a wrong one, or
    /// none, is one line naming the server.
    func testBasicAuthIsSentAndARefusedLoginIsOneLine() throws {
        let proxy = try AuthProxy.start(upstream: started().url, user: "easel", password: "lighthouse-42")
        defer { proxy.stop() }
        setenv("EASEL_TEST_GOOD_PASSWORD", "lighthouse-42", 1)
        setenv("EASEL_TEST_BAD_PASSWORD", "lighthouse-41", 1)
        func engine(_ variable: String?) throws -> A1111Engine {
            try A1111Engine(config: RemoteEngineConfig(name: "sd", kind: .a1111, url: proxy.url, user: variable.map { _ in "easel" },
                                                       passwordEnv: variable, timeout: 120))
        }
        let good = try engine("EASEL_TEST_GOOD_PASSWORD")
        XCTAssertEqual(try good.connect().map(\.name), ["easel-sd15-random-fp16"])
        let run = try good.run(EngineRequest(settings: Self.settings), on: EngineModel(id: "", name: ""),
                               interrupt: CancellationFlag()) { _ in }
        XCTAssertEqual(run.images.count, 1, "the render's POST carries the login too")
        let refused = "\(proxy.url.absoluteString): authentication refused (check user and password)"
        for variable in ["EASEL_TEST_BAD_PASSWORD", nil] {
            XCTAssertThrowsError(try engine(variable).connect()) { XCTAssertEqual("\($0)", refused) }
        }
    }

    func testAModelMissingOnTheServerIsOneLine() throws {
        XCTAssertThrowsError(try engine().run(EngineRequest(settings: Self.settings), on: EngineModel(id: "nope", name: "nope"),
                                              interrupt: CancellationFlag()) { _ in }) { error in
            XCTAssertEqual("\(error)", "model 'nope' is not on a1111 \"sd\" at \(Self.server!.url.absoluteString) (it has: easel-sd15-random-fp16)")
        }
    }

    func testGenerateWritesTheEngineIntoThePNG() throws {
        let server = try started()
        let work = try Fixtures.temporaryDirectory("easel-remote")
        let settingsFile = work.appendingPathComponent("engines.json")
        try #"{"engines": [{"name": "sd", "kind": "a1111", "url": "\#(server.url.absoluteString)"}]}"#
            .write(to: settingsFile, atomically: true, encoding: .utf8)
        let output = work.appendingPathComponent("out.png")
        let result = try EaselProcess.run(["generate", "--engine", "sd", "--prompt", "a red lighthouse", "--steps", "2",
                                           "--seed", "77", "--width", "64", "--height", "64", "--sampler", "euler",
                                           "-o", output.path], environment: ["EASEL_ENGINES": settingsFile.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("cannot interrupt"), result.stderr)
        let text = try PNGFile.readText(from: output)
        XCTAssertEqual(text["engine"], "a1111 \"sd\" at \(server.url.absoluteString)")
        let parameters = try XCTUnwrap(text["parameters"])
        XCTAssertTrue(parameters.contains("Seed: 77"), parameters)
        XCTAssertTrue(parameters.contains("a red lighthouse"), parameters)

        let unknown = try EaselProcess.run(["generate", "--engine", "gpu", "--prompt", "x", "-o", output.path],
                                           environment: ["EASEL_ENGINES": settingsFile.path])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.stderr, "easel: unknown engine 'gpu' (known: local, sd; engines are defined in \(settingsFile.path))\n")
    }
}
