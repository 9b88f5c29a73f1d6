import Foundation
import Models
import Sampling
import Tensor
import Tokenizer

extension StableDiffusionPipeline {
    /// Builds the three networks from a loaded checkpoint. `chunker` turns prompt text into
    /// A1111 chunks (normally the CLIP tokenizer's A1111 chunking). `precision` is the
    /// networks' arithmetic (`Precision.preferred`: `EASEL_PRECISION` or the default).
    public convenience init(checkpoint: StableDiffusionCheckpoint, precision: Precision = .preferred,
                            chunker: @escaping PromptEncoder.Chunker) throws {
        let textModel = try CLIPTextModel(weights: checkpoint.text, config: checkpoint.textConfig, precision: precision)
        let unet = try UNetModel(weights: checkpoint.unet, config: checkpoint.unetConfig, precision: precision)
        let vae = try VAEModel(weights: checkpoint.vae, config: checkpoint.vaeConfig, precision: precision)
        let encoder = PromptEncoder(conditioning: A1111Conditioning(textModel: textModel), chunker: chunker)
        self.init(unet: unet, unetConfig: checkpoint.unetConfig, vae: vae, promptEncoder: encoder,
                  prediction: checkpoint.prediction == .v ? .v : .epsilon)
    }

    /// Loads a `.safetensors` checkpoint or a diffusers folder, with the folder's own
    /// tokenizer when it has one and CLIP's standard vocabulary otherwise.
    public static func load(_ url: URL, precision: Precision = .preferred) throws -> StableDiffusionPipeline {
        let checkpoint = try StableDiffusionCheckpoint.load(url)
        let tokenizer = try checkpoint.tokenizerDirectory.map { try CLIPTokenizer(directory: $0) }
            ?? CLIPTokenizer.locateDefault()
        let chunker = A1111Chunker(tokenizer: tokenizer)
        return try StableDiffusionPipeline(checkpoint: checkpoint, precision: precision) { text in
            chunker.chunk(text).chunks.map {
                ConditioningChunk(ids: $0.paddedIDs(startOfText: tokenizer.startID, endOfText: tokenizer.endID),
                                  multipliers: $0.paddedMultipliers.map(Float.init))
            }
        }
    }
}
