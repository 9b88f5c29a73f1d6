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

        // The checkpoint has random weights: its VAE's round trip of the fitted picture is
        // already far from it (mean abs difference 61.5), and its decoder turns small latent
        // changes into large pixel ones. So the reference is the server's own round trip
        // (LoadImage → VAEEncode → VAEDecode), and "close" is relative: measured on this
        // pinned ComfyUI (seed 31337, 3 steps, CFG 5, deterministic on the CPU), the mean abs
        // difference to it is 47.75 at strength 0.01, 56.73 at 0.1 and 61.93 for txt2img with
        // the same seed (to the picture itself: 67.5, 71.1, 76.0); strengths 0.03, 0.05, 0.2
        // gave 51.96, 54.42, 58.72, rising with the strength.
        let fitted = picture.resized(width: 64, height: 64, filter: .lanczos)
        let roundTrip = try vaeRoundTrip(engine, fitted)
        let image = try render(engine, request)
        XCTAssertEqual([image.width, image.height], [64, 64])
        var lowest = low
        lowest.denoisingStrength = 0.01
        let barely = try render(engine, EngineRequest(settings: lowest, initImage: InitImage(image: picture)))
        let txt2img = try render(engine, EngineRequest(settings: settings))
        let at001 = PixelDifference(barely.pixels, roundTrip.pixels).mean, at01 = PixelDifference(image.pixels, roundTrip.pixels).mean
        let none = PixelDifference(txt2img.pixels, roundTrip.pixels).mean
        FileHandle.standardError.write(Data(String(format: "ComfyUI img2img: mean abs difference to the server's VAE round trip of the init image %.2f at strength 0.01, %.2f at 0.1, %.2f for txt2img (same seed)\n", at001, at01, none).utf8))
        XCTAssertLessThan(at001 + 3, at01, "a lower strength keeps more of the init image's latent")
        XCTAssertLessThan(at01 + 3, none, "strength 0.1 starts from the init image's latent, txt2img does not")
    }

    /// ComfyUI's LoadImage → VAEEncode → VAEDecode of `picture` with the test checkpoint's VAE.
    func vaeRoundTrip(_ engine: ComfyEngine, _ picture: RGBImage) throws -> RGBImage {
        let name = try ComfyUpload(http: engine.http).png(picture, label: "round trip")
        func link(_ id: String, _ index: Int64) -> JSONValue { .array([.string(id), .integer(index)]) }
        func node(_ type: String, _ inputs: [String: JSONValue]) -> JSONValue {
            .object(["class_type": .string(type), "inputs": .object(inputs)])
        }
        let graph: [String: JSONValue] = [
            "4": node("CheckpointLoaderSimple", ["ckpt_name": .string(RandomCheckpoint.fileName)]),
            "1": node("LoadImage", ["image": .string(name)]),
            "2": node("VAEEncode", ["pixels": link("1", 0), "vae": link("4", 2)]),
            "3": node("VAEDecode", ["samples": link("2", 0), "vae": link("4", 2)]),
            "9": node("SaveImage", ["filename_prefix": .string("easel-roundtrip"), "images": link("3", 0)]),
        ]
        let id = try engine.queue(graph, clientID: "round-trip")
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline {
            let history = try engine.http.getJSON([String: ComfyAPI.HistoryItem].self, "/history/\(id)")
            if let ref = history[id]?.outputs["9"]?.images?.first {
                var query = URLComponents()
                query.queryItems = [URLQueryItem(name: "filename", value: ref.filename), URLQueryItem(name: "subfolder", value: ref.subfolder),
                                    URLQueryItem(name: "type", value: ref.type)]
                return try PNGDecoder.decode([UInt8](engine.http.get("/view?" + (query.percentEncodedQuery ?? ""))), path: ref.filename).image
            }
            Thread.sleep(forTimeInterval: 0.5)
        }
        throw TestServerError("the VAE round trip did not finish within 300 s")
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
        // Measured (seed 4711, strength 1, blur 2): mean abs difference to the init image 79.23
        // in the masked columns, 0.00 in the kept ones.
        // Columns away from the blurred edge (blur 2: kernel 2·int(5.5) + 1 = 11 wide).
        let repainted = difference(0..<24), kept = difference(40..<64)
        FileHandle.standardError.write(Data(String(format: "ComfyUI inpainting: mean abs difference to the init image %.2f in the mask, %.2f outside\n", repainted.mean, kept.mean).utf8))
        XCTAssertLessThanOrEqual(kept.max, 1, "outside the mask the init image is composited back (A1111 apply_overlay)")
        XCTAssertGreaterThan(repainted.mean, 10, "the masked area is repainted")
    }

    /// What the ComfyUI engine cannot send is one line, before anything is uploaded or queued:
    /// "only masked" inpainting (A1111's crop-and-paste, local only) and a hypernetwork tag
    /// (ComfyUI's LoraLoader loads LoRAs only). Messages checked by hand against the engine's.
    func testRequestsTheServerCannotTakeAreOneLine() throws {
        let engine = try engine()
        var settings = Self.settings
        settings.denoisingStrength = 0.5
        let picture = try Self.initPicture()
        let mask = GrayImage(width: 64, height: 64, value: 255)
        let onlyMasked = EngineRequest(settings: settings,
                                       initImage: InitImage(image: picture, mask: mask, area: .onlyMasked(padding: 32)))
        XCTAssertThrowsError(try engine.graph(for: onlyMasked, model: Self.model)) { error in
            XCTAssertEqual("\(error)", "\(engine.config.label): inpainting only the masked area is done by the local engine only; use the whole picture")
            XCTAssertFalse("\(error)".contains("\n"))
        }
        settings.prompt = "a red lighthouse <hypernet:ink:1>"
        XCTAssertThrowsError(try engine.graph(for: EngineRequest(settings: settings), model: Self.model)) { error in
            XCTAssertTrue("\(error)".hasPrefix("hypernetwork 'ink': "), "\(error)")
            XCTAssertTrue("\(error)".hasSuffix("loads LoRA tags only (<lora:…>, <lyco:…>)"), "\(error)")
        }
    }
}
