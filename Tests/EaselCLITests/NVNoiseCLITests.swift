import Foundation
import Imaging
import RenderSettings
import TestSupport
import XCTest

/// `--rng nv` end to end against `../shared/fixtures/tiny-sd15-adapters/nv-euler_a-s42.png`,
/// made with A1111's `rng_philox.py` as the sampler stream (initial noise = call 0, ancestral
/// step k = call k + 1) and k-diffusion's `sample_euler_ancestral` (the fixtures' README).
final class NVNoiseCLITests: XCTestCase {
    func testNVEulerAncestralMatchesTheFixtureImage() throws {
        let work = try Fixtures.temporaryDirectory("easel-nv")
        let output = work.appendingPathComponent("nv.png")
        let result = try EaselProcess.run([
            "generate", "--model", Fixtures.url("tiny-sd15.safetensors").path, "--prompt", "a photo of a cat",
            "--negative", "blurry, low quality", "--sampler", "euler_a", "--schedule", "normal", "--steps", "8",
            "--cfg", "7", "--seed", "42", "--width", "64", "--height", "64", "--rng", "nv", "--precision", "fp32",
            "-o", output.path,
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let got = try PNGFile.read(from: output)
        let want = try PNGFile.read(from: Fixtures.url("tiny-sd15-adapters/nv-euler_a-s42.png")).image
        XCTAssertEqual([got.image.width, got.image.height], [want.width, want.height])
        let diffs = zip(got.image.pixels, want.pixels).map { abs(Int($0) - Int($1)) }
        XCTAssertLessThanOrEqual(diffs.max() ?? 255, 1, "largest difference in levels")
        XCTAssertTrue(got.text["parameters"]?.contains("RNG: NV") == true, got.text["parameters"] ?? "")
    }
}
