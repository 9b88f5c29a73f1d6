import Foundation
import Imaging
import RenderSettings
import TestSupport
import XCTest

/// `easel generate --init/--strength/--mask/--hires-*/--model-sampling/--taesd` end to end on
/// the tiny fixture model: a manifest-img2img run reproduced from the command line, the infotext
/// written in A1111's key names, and bad input refused with one line naming what is wrong.
final class ImageToImageCLITests: XCTestCase {
    private var work: URL!
    override func setUpWithError() throws { work = try Fixtures.temporaryDirectory("easel-img2img") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    private let folder = "tiny-sd15-adapters/"

    private func base(_ output: URL, steps: Int = 8, seed: Int = 42) -> [String] {
        ["generate", "--model", Fixtures.url("tiny-sd15.safetensors").path, "--prompt", "a photo of a cat",
         "--negative", "blurry, low quality", "--sampler", "euler", "--schedule", "normal", "--steps", "\(steps)",
         "--cfg", "7", "--seed", "\(seed)", "--width", "64", "--height", "64", "--precision", "fp32",
         "--output", output.path]
    }

    private func maxDifference(_ a: RGBImage, _ b: RGBImage) -> Int {
        zip(a.pixels, b.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
    }

    /// `img2img-euler-s0.5-mean` from the command line, and its infotext.
    func testImg2ImgRunAndInfotext() throws {
        let output = work.appendingPathComponent("i2i.png")
        let result = try EaselProcess.run(base(output) + ["--init", Fixtures.url(folder + "init-a.png").path,
                                                           "--strength", "0.5", "--init-latent", "mean"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let want = try PNGFile.read(from: Fixtures.url(folder + "img2img-euler-s0.5-mean.png")).image
        XCTAssertLessThanOrEqual(maxDifference(try PNGFile.read(from: output).image, want), 2)
        let text = try XCTUnwrap(PNGFile.readText(from: output)["parameters"])
        XCTAssertTrue(text.contains("Denoising strength: 0.5"), text)
        XCTAssertEqual(try Infotext.parse(text).denoisingStrength, 0.5)
    }

    /// `hires-euler_a-x1.5`, and the hires keys written and read back.
    func testHiresFixRunAndInfotext() throws {
        let output = work.appendingPathComponent("hires.png")
        var args = base(output, steps: 6, seed: 5)
        args[args.firstIndex(of: "euler")!] = "euler_a"
        let result = try EaselProcess.run(args + ["--hires-scale", "1.5", "--hires-strength", "0.6", "--hires-upscaler", "latent"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let mine = try PNGFile.read(from: output).image
        XCTAssertEqual(mine.width, 96)
        XCTAssertLessThanOrEqual(maxDifference(mine, try PNGFile.read(from: Fixtures.url(folder + "hires-euler_a-x1.5.png")).image), 2)
        let text = try XCTUnwrap(PNGFile.readText(from: output)["parameters"])
        XCTAssertTrue(text.contains("Denoising strength: 0.6"), text)
        XCTAssertTrue(text.contains("Hires upscale: 1.5, Hires upscaler: Latent"), text)
        let settings = try Infotext.parse(text)
        XCTAssertEqual(settings.hires, HiresFix(scale: 1.5, steps: 0, upscaler: .latent))
    }

    /// An A1111 PNG whose hires fix used an upscaler Easel does not have (an ESRGAN model)
    /// renders with the stand-in and one "not applied" line; the new PNG records what ran.
    func testUnknownHiresUpscalerFromAPNGRendersWithANote() throws {
        let source = work.appendingPathComponent("a1111.png")
        let parameters = "a photo of a cat\nSteps: 3, Sampler: Euler, Schedule type: Automatic, CFG scale: 7, Seed: 5, "
            + "Size: 64x64, Denoising strength: 0.5, Hires upscale: 1.5, Hires upscaler: 4x-UltraSharp, Version: v1.10.1"
        try PNGFile.write(try PNGFile.read(from: Fixtures.url(folder + "init-a.png")).image,
                          text: [(key: "parameters", value: parameters)], to: source)
        let output = work.appendingPathComponent("hires-note.png")
        let result = try EaselProcess.run(["generate", "--model", Fixtures.url("tiny-sd15.safetensors").path,
                                           "--from", source.path, "--precision", "fp32", "--output", output.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let notes = result.stderr.split(separator: "\n").filter { $0.contains("not applied") }
        XCTAssertEqual(notes, ["easel: hires upscaler '4x-UltraSharp' not applied (Easel has Latent, Latent (nearest-exact), "
                                   + "Lanczos); upscaling with Lanczos"], result.stderr)
        XCTAssertEqual(try PNGFile.read(from: output).image.width, 96)
        let text = try XCTUnwrap(PNGFile.readText(from: output)["parameters"])
        XCTAssertTrue(text.contains("Hires upscale: 1.5, Hires upscaler: Lanczos"), text)
    }

    /// An init image of another size is resized, with a note on stderr.
    func testWrongSizeInitImageIsResizedWithANote() throws {
        let output = work.appendingPathComponent("resized.png")
        var args = base(output, steps: 2)
        args[args.firstIndex(of: "--width")! + 1] = "48"
        let result = try EaselProcess.run(args + ["--init", Fixtures.url(folder + "init-a.png").path, "--strength", "0.5"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("init image is 64x64; resized to 48x64"), result.stderr)
        XCTAssertEqual(try PNGFile.read(from: output).image.width, 48)
    }

    private func assertRefused(_ extra: [String], naming prefix: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let output = work.appendingPathComponent("refused.png")
        let result = try EaselProcess.run(base(output, steps: 2) + extra)
        XCTAssertEqual(result.status, 1, file: file, line: line)
        let lines = result.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.hasPrefix("easel: " + prefix), result.stderr, file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), file: file, line: line)
    }

    func testMaskOfAnotherSizeIsRefused() throws {
        try assertRefused(["--init", Fixtures.url(folder + "init-a.png").path, "--strength", "0.75",
                           "--mask", Fixtures.url(folder + "mask-a-wrongsize.png").path], naming: "mask: is 48x64")
    }

    func testStrengthOutsideZeroToOneIsRefused() throws {
        for strength in ["0", "1.5", "-0.2"] {
            try assertRefused(["--init", Fixtures.url(folder + "init-a.png").path, "--strength", strength], naming: "strength:")
        }
    }

    func testMissingTAESDFileIsRefused() throws {
        try assertRefused(["--taesd", work.appendingPathComponent("taesd_decoder.safetensors").path], naming: "taesd: no such file")
    }

    func testStrengthWithoutInitIsRefused() throws {
        try assertRefused(["--strength", "0.5"], naming: "init:")
    }
}
