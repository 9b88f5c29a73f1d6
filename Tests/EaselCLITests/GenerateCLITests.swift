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

    /// Issue 17, item 2: `--output x.png` where x.png → /proc/self/fd/1 used to replace the link
    /// with a PNG after rendering; now it is refused before rendering, and the link stays.
    func testOutputThatIsALinkOrDeviceIsRefused() throws {
        let model = Fixtures.url("tiny-sd15.safetensors").path
        let link = work.appendingPathComponent("x.png").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/proc/self/fd/1")
        let fifo = work.appendingPathComponent("pipe.png").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        for output in [link, fifo] {
            let result = try EaselProcess.run(["generate", "--model", model, "--prompt", "a cat", "--steps", "1",
                                               "--width", "64", "--height", "64", "--output", output])
            XCTAssertEqual(result.status, 1, result.stderr)
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        }
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "/proc/self/fd/1")
    }

    /// Issue 17, item 10: `easel info` used to print a PNG's text raw, so a hostile file could
    /// retitle the window (OSC 0) or clear the screen. Item 4: a PNG prompt over the one limit is
    /// refused, naming the file.
    func testInfoShowsControlCharactersAndLongPromptsAreRefused() throws {
        let png = work.appendingPathComponent("hostile.png")
        let text = "a \u{1B}]0;pwned\u{07} cat\u{1B}[2J\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 64x64"
        try PNGFile.write(RGBImage(width: 8, height: 8), text: [(key: "parameters", value: text)], to: png)
        for arguments in [["info", png.path], ["info", "--parsed", png.path]] {
            let result = try EaselProcess.run(arguments)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertFalse(result.stdout.contains("\u{1B}") || result.stdout.contains("\u{07}"), result.stdout)
            XCTAssertTrue(result.stdout.contains("a ^[]0;pwned^G cat^[[2J"), result.stdout)
        }
        let long = work.appendingPathComponent("long.png")
        let prompt = String(repeating: "a", count: 100 * 1024)
        try PNGFile.write(RGBImage(width: 8, height: 8), text: [(key: "parameters", value: prompt + "\nSteps: 1, Seed: 1, Size: 64x64")], to: long)
        let result = try EaselProcess.run(["generate", "--from", long.path, "--output", work.appendingPathComponent("o.png").path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "easel: \(long.path): prompt: 102400 bytes, over the 32768-byte limit for prompt text\n")
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
