import EngineAPI
import Foundation
import Imaging
import RenderSettings
import TestSupport
import XCTest
@testable import RemoteEngines

/// img2img and inpainting through the real ComfyUI: the init image goes up with
/// `/upload/image`, and the graph's EmptyLatentImage becomes LoadImage → VAEEncode (→
/// SetLatentNoiseMask), with KSampler's denoise the strength.
extension ComfyUIServerTests {
    /// A 64×64 picture with structure: a diagonal gradient, a dark square and a light stripe.
    static func initPicture(width: Int = 64, height: Int = 64) throws -> RGBImage {
        var pixels: [UInt8] = []
        for y in 0..<height {
            for x in 0..<width {
                if (16..<32).contains(x), (16..<32).contains(y) { pixels += [20, 30, 40]; continue }
                if (44..<50).contains(y) { pixels += [230, 220, 200]; continue }
                pixels += [UInt8(x * 255 / max(width - 1, 1)), UInt8(y * 255 / max(height - 1, 1)), 128]
            }
        }
        return try RGBImage(width: width, height: height, pixels: pixels)
    }

    func testImageToImageAtLowStrengthStaysCloseToTheInitImage() throws {
        let engine = try engine()
        XCTAssertTrue(engine.capabilities.imageToImage)
        var settings = Self.settings
        settings.seed = 31337
        let picture = try Self.initPicture(width: 96, height: 80)   // fitted to 64×64 before the upload
        var low = settings
        low.denoisingStrength = 0.1
        let request = EngineRequest(settings: low, initImage: InitImage(image: picture))
        let graph = try engine.graph(for: request.fittingInitImage().request, model: Self.model)
        XCTAssertNil(graph["5"], "EmptyLatentImage replaced")
        XCTAssertEqual(graph["3"]?["inputs"]?["denoise"]?.number, 0.1)
        let encoder = try XCTUnwrap(graph.first { $0.value["class_type"]?.string == "VAEEncode" })
        XCTAssertEqual(encoder.value["inputs"]?["vae"], .array([.string("4"), .integer(2)]), "the checkpoint's VAE")
        XCTAssertEqual(graph["3"]?["inputs"]?["latent_image"], .array([.string(encoder.key), .integer(0)]))

        let fitted = picture.resized(width: 64, height: 64, filter: .lanczos)
        let image = try render(engine, request)
        XCTAssertEqual([image.width, image.height], [64, 64])
        let txt2img = try render(engine, EngineRequest(settings: settings))
        let near = PixelDifference(image.pixels, fitted.pixels), far = PixelDifference(txt2img.pixels, fitted.pixels)
        FileHandle.standardError.write(Data(String(format: "ComfyUI img2img: mean abs difference to the init image %.2f at strength 0.1, %.2f for txt2img (same seed)\n", near.mean, far.mean).utf8))
        XCTAssertLessThan(near.mean * 2, far.mean, "strength 0.1 keeps the init image")
    }

    func testInpaintingKeepsTheUnmaskedArea() throws {
        let engine = try engine()
        var settings = Self.settings
        settings.seed = 4711
        settings.denoisingStrength = 1
        settings.maskBlur = 2
        let picture = try Self.initPicture()
        // White = repaint (A1111): the left half.
        let mask = try GrayImage(width: 64, height: 64, pixels: (0..<64 * 64).map { $0 % 64 < 32 ? 255 : 0 })
        let request = EngineRequest(settings: settings, initImage: InitImage(image: picture, mask: mask))
        let graph = try engine.graph(for: request, model: Self.model)
        XCTAssertEqual(graph.values.filter { $0["class_type"]?.string == "SetLatentNoiseMask" }.count, 1)
        XCTAssertEqual(graph.values.filter { $0["class_type"]?.string == "ImageCompositeMasked" }.count, 1)

        let image = try render(engine, request)
        func difference(_ columns: Range<Int>) -> PixelDifference {
            var a: [UInt8] = [], b: [UInt8] = []
            for y in 0..<64 {
                for x in columns {
                    let p = image[x, y], q = picture[x, y]
                    a += [p.red, p.green, p.blue]
                    b += [q.red, q.green, q.blue]
                }
            }
            return PixelDifference(a, b)
        }
        // Columns away from the blurred edge (blur 2: kernel 2·int(5.5) + 1 = 11 wide).
        let repainted = difference(0..<24), kept = difference(40..<64)
        FileHandle.standardError.write(Data(String(format: "ComfyUI inpainting: mean abs difference to the init image %.2f in the mask, %.2f outside\n", repainted.mean, kept.mean).utf8))
        XCTAssertLessThanOrEqual(kept.max, 1, "outside the mask the init image is composited back (A1111 apply_overlay)")
        XCTAssertGreaterThan(repainted.mean, 10, "the masked area is repainted")
    }
}
