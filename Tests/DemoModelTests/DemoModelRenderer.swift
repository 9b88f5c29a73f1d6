import Diffusion
import LocalEngine
import EngineAPI
import Foundation
import Imaging
import RenderSettings
import XCTest

/// The demo model loaded once for the whole test target, rendering at its defaults (those of
/// `easel generate` without `--model`: 64×64, 20 steps, Euler a, normal schedule, CFG 7), with
/// renders cached so tests that share a request render it once.
final class DemoModelRenderer {
    /// The shared renderer, or the load error (reported by every test that needs it).
    static let shared: Result<DemoModelRenderer, Error> = Result { try DemoModelRenderer() }

    /// The shared renderer; throws (failing the test, never skipping it) when the model is absent.
    static func load() throws -> DemoModelRenderer { try shared.get() }

    let modelURL: URL
    let pipeline: StableDiffusionPipeline
    let heldOut: HeldOutSet
    let classifier: ColorClassifier
    private var cache: [Key: RGBImage] = [:]
    private let lock = NSLock()

    private init() throws {
        guard let url = DemoModel.locate(), FileManager.default.fileExists(atPath: url.path) else {
            throw DemoModelMissing(tried: DemoModel.locate()?.path)
        }
        modelURL = url
        pipeline = try StableDiffusionPipeline.load(url)
        heldOut = try HeldOutSet.load()
        classifier = ColorClassifier(vocabulary: heldOut)
    }

    /// The demo model's default request for `prompt`.
    func request(_ prompt: String, seed: UInt64, cfg: Double = 7) -> EngineRequest {
        EngineRequest(settings: RenderSettings(prompt: prompt, steps: 20, sampler: .eulerA, schedule: .normal, cfgScale: cfg,
                                               seed: seed, width: heldOut.imageSize, height: heldOut.imageSize))
    }

    private struct Key: Hashable {
        var prompt: String
        var seed: UInt64
        var cfg: Double
    }

    /// The image for `prompt` at the demo defaults, rendered once per (prompt, seed, cfg).
    func render(_ prompt: String, seed: UInt64, cfg: Double = 7) throws -> RGBImage {
        let key = Key(prompt: prompt, seed: seed, cfg: cfg)
        lock.lock()
        defer { lock.unlock() }
        if let image = cache[key] { return image }
        let image = try renderUncached(prompt, seed: seed, cfg: cfg)
        cache[key] = image
        return image
    }

    /// A fresh render, bypassing the cache.
    func renderUncached(_ prompt: String, seed: UInt64, cfg: Double = 7) throws -> RGBImage {
        let images = try pipeline.generate(request(prompt, seed: seed, cfg: cfg))
        XCTAssertEqual(images.count, 1)
        return images[0].image
    }
}

/// The demo model file is not where Easel looks for it: a test failure, not a skip, since the
/// model ships in the repository.
struct DemoModelMissing: Error, CustomStringConvertible {
    /// The path `$EASEL_DEMO_MODEL` named, when it names a missing file.
    var tried: String?

    var description: String {
        let found = tried.map { "\($0) does not exist" } ?? "no \(DemoModel.relativePath) in the repository"
        return "demo model not found: \(found) (it ships with Easel at \(DemoModel.relativePath); "
            + "$EASEL_DEMO_MODEL names another file; see MODEL.md)"
    }
}
