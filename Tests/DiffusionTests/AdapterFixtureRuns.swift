import EngineAPI
import Foundation
import Imaging
import Models
import RenderSettings
import SafeTensors
import TestSupport
import Tokenizer
@testable import Diffusion

/// The runs of `../shared/fixtures/tiny-sd15-adapters/manifest-img2img.json` (img2img,
/// inpainting, hires fix, LCM; made with torch, diffusers, k-diffusion and ComfyUI's own
/// sampling code, never Easel) and the pipeline that renders them: the tiny SD 1.x model in
/// fp32 with the fixtures' CLIP vocabulary, so prompts are tokenized as the manifest's were.
enum AdapterFixtureRuns {
    struct Run: Decodable {
        let png: String
        let tensors: String
        let prompt: String
        let negative: String
        let sampler: String
        let schedule: String
        let seed: UInt64
        let steps: Int
        let cfg: Double
        let width: Int
        let height: Int
        let strength: Double?
        let init_: String?
        let mask: String?
        let mask_blur: Int?
        let init_latent: String?
        let hires_scale: Double?
        let hires_strength: Double?
        let hires_steps: Int?
        let hires_upscaler: String?
        let model_sampling: String
        let a1111_overlay_png: String?

        enum CodingKeys: String, CodingKey {
            case png, tensors, prompt, negative, sampler, schedule, seed, steps, cfg, width, height, strength
            case init_ = "init", mask, mask_blur, init_latent, hires_scale, hires_strength, hires_steps
            case hires_upscaler, model_sampling, a1111_overlay_png
        }
    }

    static let folder = "tiny-sd15-adapters/"

    static func runs() throws -> [Run] {
        struct Manifest: Decodable { let runs: [Run] }
        return try JSONDecoder().decode(Manifest.self, from: Fixtures.data(folder + "manifest-img2img.json")).runs
    }

    static func run(png: String) throws -> Run {
        guard let run = try runs().first(where: { $0.png == png }) else { throw EngineError.failed("no run \(png)") }
        return run
    }

    nonisolated(unsafe) private static var cached: StableDiffusionPipeline?

    /// The tiny model's pipeline in fp32, loaded once per test process.
    static func pipeline() throws -> StableDiffusionPipeline {
        if let cached { return cached }
        let checkpoint = try StableDiffusionCheckpoint.load(Fixtures.url("tiny-sd15.safetensors"))
        let pipeline = try StableDiffusionPipeline(checkpoint: checkpoint, precision: .fp32,
                                                   chunker: try chunker())
        cached = pipeline
        return pipeline
    }

    /// A1111 chunking over the fixtures' CLIP vocabulary.
    static func chunker() throws -> (String) throws -> [ConditioningChunk] {
        let tokenizer = try CLIPTokenizer(contentsOf: Fixtures.url("clip-tokenizer"))
        let chunker = A1111Chunker(tokenizer: tokenizer)
        return { text in
            chunker.chunk(text).chunks.map {
                ConditioningChunk(ids: $0.paddedIDs(startOfText: tokenizer.startID, endOfText: tokenizer.endID),
                                  multipliers: $0.paddedMultipliers.map(Float.init))
            }
        }
    }

    /// The request a manifest run describes.
    static func request(_ run: Run) throws -> EngineRequest {
        var settings = RenderSettings(prompt: run.prompt, negativePrompt: run.negative, steps: run.steps,
                                      sampler: try Sampler(id: run.sampler), schedule: try Schedule(id: run.schedule),
                                      cfgScale: run.cfg, seed: run.seed, width: run.width, height: run.height)
        settings.denoisingStrength = run.strength ?? run.hires_strength
        settings.maskBlur = run.mask_blur
        settings.modelSampling = ModelSampling(rawValue: run.model_sampling) ?? .discrete
        if let scale = run.hires_scale {
            settings.hires = HiresFix(scale: scale, steps: run.hires_steps ?? 0,
                                      upscaler: HiresUpscaler.named(run.hires_upscaler ?? "latent") ?? .latent)
        }
        var request = EngineRequest(settings: settings)
        if let initName = run.init_ {
            let image = try PNGFile.read(from: Fixtures.url(folder + initName)).image
            let mask = try run.mask.map { GrayImage(luma: try PNGFile.read(from: Fixtures.url(folder + $0)).image) }
            request.initImage = InitImage(image: image, mask: mask,
                                          latent: InitLatent(rawValue: run.init_latent ?? "sample") ?? .sample)
        }
        return request
    }

    static func tensors(_ run: Run) throws -> SafeTensorsFile {
        try SafeTensorsFile(url: Fixtures.url(folder + run.tensors))
    }

    static func referencePNG(_ name: String) throws -> RGBImage {
        try PNGFile.read(from: Fixtures.url(folder + name)).image
    }
}
