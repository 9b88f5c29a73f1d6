import Foundation
import Models
import Tensor
import TestSupport

/// The tiny SDXL-structured fixture model in its three forms (fixtures README, "tiny-sdxl*"),
/// opened through the checkpoint loader, and the reference manifest's prompts.
enum TinySDXL {
    enum Form: String, CaseIterable {
        case singleFile = "tiny-sdxl.safetensors"
        case singleFileFP16 = "tiny-sdxl-fp16.safetensors"
        case diffusers = "tiny-sdxl-diffusers"
    }

    /// Both text encoders of `form` under the SDXL conditioner, in fp32.
    static func conditioner(_ form: Form = .singleFile) throws -> SDXLConditioner {
        let c = try FixtureModel.checkpoint(form.rawValue)
        let encoders = try (0..<2).map {
            try CLIPTextModel(weights: c.textWeights($0), config: c.architecture.textEncoders[$0])
        }
        return try SDXLConditioner(clipL: encoders[0], bigG: encoders[1])
    }

    static func unet(_ form: Form = .singleFile) throws -> UNetModel { try FixtureModel.unet(form.rawValue) }
    static func vae(_ form: Form = .singleFile) throws -> VAEModel { try FixtureModel.vae(form.rawValue) }

    /// One prompt of `tiny-sdxl-reference/manifest.json` ("text"): the ids each encoder reads
    /// per chunk, the multipliers, and the names of its reference tensors in `text.safetensors`.
    struct Prompt: Decodable {
        let prompt: String
        let chunks: Int
        let ids_clip_l: [[Int]]
        let ids_clip_g: [[Int]]
        let multipliers: [[Float]]
        let tensors: [String: String]

        var conditioningChunks: [ConditioningChunk] {
            zip(ids_clip_l, multipliers).map { ConditioningChunk(ids: $0, multipliers: $1) }
        }
    }

    struct Manifest: Decodable { let text: [Prompt] }

    static func prompts() throws -> [Prompt] {
        try JSONDecoder().decode(Manifest.self, from: Fixtures.data("tiny-sdxl-reference/manifest.json")).text
    }
}
