import Foundation
import Imaging
import TestSupport
import XCTest

/// `easel generate --lora-dir DIR --embeddings-dir DIR` on the adapter fixtures: a fixture run
/// with a LoRA tag and an embedding-free negative matches its PNG, and an unknown LoRA name is
/// a one-line warning while the image is still written.
final class GenerateLoraCLITests: XCTestCase {
    let adapters = Fixtures.url("tiny-sd15-adapters")

    func testLoraRunMatchesAndUnknownNameWarns() throws {
        let output = try Fixtures.temporaryDirectory("easel-lora-cli").appendingPathComponent("out.png")
        let result = try EaselProcess.run([
            "generate", "--model", Fixtures.url("tiny-sd15.safetensors").path,
            "--prompt", "a photo of a cat <lora:tinylora-ldm:0.8> <lora:not-a-lora:1>", "--negative", "",
            "--sampler", "euler", "--schedule", "normal", "--steps", "8", "--cfg", "7", "--seed", "42",
            "--width", "64", "--height", "64", "--lora-dir", adapters.appendingPathComponent("loras").path,
            "--embeddings-dir", adapters.appendingPathComponent("embeddings").path, "-o", output.path,
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let warnings = result.stderr.split(separator: "\n").filter { $0.hasPrefix("easel: warning:") }
        XCTAssertEqual(warnings, ["easel: warning: lora 'not-a-lora' was not found in \(adapters.path)/loras; rendering without it"])
        let mine = try PNGFile.read(from: output).image
        let reference = try PNGFile.read(from: adapters.appendingPathComponent("runs/euler-normal-s42-tinyloraldm.png")).image
        let diff = PixelDifference(mine.pixels, reference.pixels)
        XCTAssertLessThanOrEqual(diff.max, 2)
        XCTAssertLessThanOrEqual(diff.mean, 0.5)
    }

    func testMissingFolderIsAOneLineError() throws {
        let result = try EaselProcess.run(["generate", "--prompt", "x", "--lora-dir", "/no/such/folder", "-o", "/tmp/easel-x.png"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "easel: --lora-dir /no/such/folder: no such folder\n")
    }
}
