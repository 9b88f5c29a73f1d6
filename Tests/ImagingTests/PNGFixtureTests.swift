import Foundation
import TestSupport
import XCTest
import Imaging
import SafeTensors

/// Reads the reference PNGs in `../shared/fixtures/tiny-sd15-reference` (written by torch/PIL).
final class PNGFixtureTests: XCTestCase {
    /// Expected pixels were read from the files by an independent decoder written by hand for this
    /// check (Python: `zlib.decompress` of the IDAT data, then the five PNG row filters of spec §9.2),
    /// not by Easel. Positions are (x, y).
    private let expected: [String: [(x: Int, y: Int, rgb: [UInt8])]] = [
        "euler-normal-s42.png": [(0, 0, [124, 122, 125]), (63, 0, [128, 140, 135]), (0, 63, [120, 124, 127]),
                                 (63, 63, [127, 133, 127]), (17, 42, [151, 87, 139]), (40, 5, [169, 95, 108])],
        "heun-normal-s7.png": [(0, 0, [125, 129, 126]), (63, 0, [129, 126, 131]), (0, 63, [124, 142, 127]),
                               (63, 63, [128, 119, 133]), (17, 42, [210, 138, 111]), (40, 5, [136, 159, 130])],
    ]

    func testReferencePNGPixels() throws {
        for (name, pixels) in expected {
            let contents = try PNGFile.read(from: Fixtures.url("tiny-sd15-reference/\(name)"))
            XCTAssertEqual(contents.image.width, 64, name)
            XCTAssertEqual(contents.image.height, 64, name)
            XCTAssertEqual(contents.text, [:], "the reference PNGs carry no text chunks")
            for pixel in pixels {
                let colour = contents.image[pixel.x, pixel.y]
                XCTAssertEqual([colour.red, colour.green, colour.blue], pixel.rgb, "\(name) at (\(pixel.x), \(pixel.y))")
            }
        }
    }

    /// Every pixel of every reference PNG equals the run's float `image` tensor ([1, 3, 64, 64],
    /// before quantising) put through ``RGBImage/quantise(_:)`` — the fixtures README's rule
    /// `round(clamp((x+1)/2, 0, 1)·255)` — so both the decoder and the quantisation match torch.
    func testReferencePNGsEqualTheirQuantisedImageTensors() throws {
        struct Run: Decodable { let png: String; let tensors: String }
        struct Manifest: Decodable { let runs: [Run] }
        let manifest = try JSONDecoder().decode(Manifest.self, from: Fixtures.data("tiny-sd15-reference/manifest.json"))
        XCTAssertEqual(manifest.runs.count, 5)
        for run in manifest.runs {
            let tensors = try SafeTensorsFile(url: Fixtures.url("tiny-sd15-reference/\(run.tensors)"))
            let image = try tensors.tensor("image")
            XCTAssertEqual(image.shape, [1, 3, 64, 64], run.tensors)
            let quantised = try RGBImage(channelsFirst: image.values, width: 64, height: 64)
            let decoded = try PNGFile.read(from: Fixtures.url("tiny-sd15-reference/\(run.png)")).image
            let mismatches = zip(quantised.pixels, decoded.pixels).filter { $0 != $1 }.count
            XCTAssertEqual(mismatches, 0, run.png)
        }
    }

    /// Re-encoding a reference image with Easel's writer and reading it back gives the same pixels.
    func testReferencePNGSurvivesReencoding() throws {
        let original = try PNGFile.read(from: Fixtures.url("tiny-sd15-reference/lms-normal-s3.png")).image
        let bytes = try PNGEncoder.encode(original, text: ["parameters": "Steps: 8, Sampler: LMS, Seed: 3"])
        let again = try PNGDecoder.decode(bytes)
        XCTAssertEqual(again.image, original)
        XCTAssertEqual(again.text, ["parameters": "Steps: 8, Sampler: LMS, Seed: 3"])
    }
}
