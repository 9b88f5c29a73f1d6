import Foundation
import Imaging
import RenderSettings
import TestSupport
import XCTest

/// `easel generate` and `easel info` against the reference runs in
/// `tiny-sd15-reference/manifest.json` (k-diffusion + diffusers + torch output, fixture README):
/// every run must land within 2 levels of the reference PNG at every pixel and 0.5 on average,
/// from all three forms of the checkpoint, in the precise mode (`--precision fp32`; the fast
/// bf16 mode's deviation is measured by `tools/bench/quality.py`, BENCHMARKS.md).
final class GenerateCLITests: XCTestCase {
    private var work: URL!
    override func setUpWithError() throws { work = try Fixtures.temporaryDirectory("easel-generate") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    private func runs() throws -> [ReferenceRun] { try ReferenceRun.runs(in: "tiny-sd15-reference") }

    private func arguments(_ run: ReferenceRun, model: String, output: URL) -> [String] {
        run.arguments(model: model, output: output)
    }

    private func assertMatchesReference(model: String) throws {
        try ReferenceRun.assertAllMatch(folder: "tiny-sd15-reference", model: model, work: work)
    }

    func testReferenceRunsFromSingleFileFP32() throws { try assertMatchesReference(model: "tiny-sd15.safetensors") }
    func testReferenceRunsFromSingleFileFP16() throws { try assertMatchesReference(model: "tiny-sd15-fp16.safetensors") }
    func testReferenceRunsFromDiffusersFolder() throws { try assertMatchesReference(model: "tiny-sd15-diffusers") }

    /// `easel info` prints exactly the infotext `generate` stored, and it parses back to the
    /// settings given on the command line.
    func testInfoRoundTripsWhatGenerateWrote() throws {
        let run = try runs()[3]     // dpmpp_2m karras, clip skip 2, a negative prompt
        let output = work.appendingPathComponent("roundtrip.png")
        XCTAssertEqual(try EaselProcess.run(arguments(run, model: "tiny-sd15.safetensors", output: output)).status, 0)
        let info = try EaselProcess.run(["info", output.path])
        XCTAssertEqual(info.status, 0, info.stderr)
        let stored = try XCTUnwrap(PNGFile.readText(from: output)["parameters"])
        XCTAssertEqual(info.stdout, stored + "\n")
        let settings = try Infotext.parse(stored)
        XCTAssertEqual(settings.prompt, run.prompt)
        XCTAssertEqual(settings.negativePrompt, run.negative)
        XCTAssertEqual(settings.sampler.id, run.sampler)
        XCTAssertEqual(settings.schedule.id, run.schedule)
        XCTAssertEqual(settings.steps, run.steps)
        XCTAssertEqual(settings.cfgScale, run.cfg)
        XCTAssertEqual(settings.seed, run.seed)
        XCTAssertEqual(settings.clipSkip, run.clip_skip)
        XCTAssertEqual(settings.rng, .cpu)
        XCTAssertEqual(settings.modelName, "tiny-sd15")
        XCTAssertEqual(settings.modelHash, "649fd8d1d8")      // sha256sum of the fixture file
        // Re-rendering from the PNG reproduces the same pixels.
        let again = work.appendingPathComponent("again.png")
        let rerun = try EaselProcess.run(["generate", "--model", Fixtures.url("tiny-sd15.safetensors").path,
                                          "--from", output.path, "--precision", "fp32", "--output", again.path])
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertEqual(try PNGFile.read(from: again).image, try PNGFile.read(from: output).image)
    }

    func testRandomSeedIsRecorded() throws {
        let output = work.appendingPathComponent("random.png")
        let result = try EaselProcess.run(["generate", "--model", Fixtures.url("tiny-sd15.safetensors").path,
                                           "--prompt", "a cat", "--steps", "1", "--seed", "-1",
                                           "--width", "64", "--height", "64", "--output", output.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let settings = try Infotext.parse(try XCTUnwrap(PNGFile.readText(from: output)["parameters"]))
        XCTAssertLessThan(settings.seed, 4_294_967_294)
    }

    func testBatchWritesOneFilePerSeed() throws {
        let output = work.appendingPathComponent("batch.png")
        let result = try EaselProcess.run(["generate", "--model", Fixtures.url("tiny-sd15.safetensors").path,
                                           "--prompt", "a cat", "--steps", "1", "--seed", "10", "--batch", "2",
                                           "--width", "64", "--height", "64", "--output", output.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let seeds = try (1...2).map { i -> UInt64 in
            let text = try PNGFile.readText(from: work.appendingPathComponent("batch-\(i).png"))["parameters"]
            return try Infotext.parse(try XCTUnwrap(text)).seed
        }
        XCTAssertEqual(seeds, [10, 11])
    }

    /// Each bad value gives exit status ≠ 0 and one line on stderr naming what is wrong.
    func testBadInputGivesOneLineErrors() throws {
        let model = Fixtures.url("tiny-sd15.safetensors").path
        let out = work.appendingPathComponent("x.png").path
        let base = ["generate", "--model", model, "--prompt", "a cat", "--output", out]
        let cases: [([String], String)] = [
            (["--sampler", "warp_drive"], "warp_drive"),
            (["--schedule", "zigzag"], "zigzag"),
            (["--steps", "0"], "steps"),
            (["--cfg", "-1"], "cfg"),
            (["--width", "65"], "width"),
            (["--height", "4096"], "height"),
            (["--seed", "banana"], "seed"),
            (["--precision", "fp16"], "precision"),
        ]
        for (extra, mention) in cases {
            let result = try EaselProcess.run(base + extra)
            XCTAssertNotEqual(result.status, 0, "\(extra)")
            let lines = result.stderr.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, "\(extra): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(mention), "\(extra): \(result.stderr)")
        }
        let badEnvironment = try EaselProcess.run(base, environment: ["EASEL_PRECISION": "fp64"])
        XCTAssertNotEqual(badEnvironment.status, 0)
        XCTAssertEqual(badEnvironment.stderr.split(separator: "\n").count, 1, badEnvironment.stderr)
        XCTAssertTrue(badEnvironment.stderr.contains("EASEL_PRECISION"), badEnvironment.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    func testMissingAndCorruptModelsAreOneLineErrors() throws {
        let corrupt = work.appendingPathComponent("corrupt.safetensors")
        try Data([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 1, 2, 3]).write(to: corrupt)
        for model in [work.appendingPathComponent("none.safetensors").path, corrupt.path] {
            let result = try EaselProcess.run(["generate", "--model", model, "--prompt", "x",
                                               "--output", work.appendingPathComponent("y.png").path])
            XCTAssertEqual(result.status, 1)
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
            XCTAssertTrue(result.stderr.contains(URL(fileURLWithPath: model).lastPathComponent), result.stderr)
        }
    }

    /// Ctrl-C during a render stops it (exit 130) and leaves no file behind.
    func testInterruptLeavesNoFile() throws {
        let output = work.appendingPathComponent("interrupted.png")
        let job = try EaselProcess.start(["generate", "--model", Fixtures.url("tiny-sd15.safetensors").path,
                                          "--prompt", "a cat", "--steps", "2000", "--width", "64", "--height", "64",
                                          "--output", output.path])
        // Wait for the first progress line, then interrupt.
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("step") {
            let chunk = job.err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        kill(job.process.processIdentifier, SIGINT)
        job.process.waitUntilExit()
        XCTAssertEqual(job.process.terminationStatus, 130)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work.path)
        XCTAssertEqual(leftovers, [])
    }
}
