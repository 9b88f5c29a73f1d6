import Foundation
import Models
import Sampling
import Tensor
import Tokenizer

extension StableDiffusionPipeline {
    /// Builds the networks from a loaded checkpoint. `chunker` turns prompt text into A1111
    /// chunks with embeddings expanded (normally the CLIP tokenizer's A1111 chunking).
    /// `precision` is the networks' arithmetic (`Precision.preferred`: `EASEL_PRECISION` or the
    /// default); a VAE that must decode in fp32 (SDXL's, `ModelArchitecture.vaeNeedsFP32`)
    /// always does.
    public convenience init(checkpoint: StableDiffusionCheckpoint, precision: Precision = .preferred,
                            chunker: @escaping PromptEncoder.Chunker) throws {
        let architecture = checkpoint.architecture
        let configs = architecture.textEncoders
        let encoders = try configs.indices.map {
            try CLIPTextModel(weights: checkpoint.textWeights($0), config: configs[$0], precision: precision)
        }
        let conditioner = try Self.conditioner(for: checkpoint, encoders: encoders)
        let unet = try UNetModel(weights: checkpoint.unet, config: architecture.unet, precision: precision)
        let vae = try VAEModel(weights: checkpoint.vae, config: architecture.vae,
                               precision: architecture.vaeNeedsFP32 ? .fp32 : precision)
        self.init(unet: unet, vae: vae, promptEncoder: PromptEncoder(conditioner: conditioner, chunker: chunker),
                  latentFormat: architecture.latent, prediction: checkpoint.prediction == .v ? .v : .epsilon,
                  adapterBinding: AdapterBinding(unet: unet, textEncoders: encoders, family: architecture.family))
    }

    /// The same with a chunker that knows no embeddings (tests that bring their own ids).
    public convenience init(checkpoint: StableDiffusionCheckpoint, precision: Precision = .preferred,
                            chunker: @escaping (String) throws -> [ConditioningChunk]) throws {
        try self.init(checkpoint: checkpoint, precision: precision) { text, _ in try chunker(text) }
    }

    /// The family's text conditioner over the checkpoint's text encoders: the one place the
    /// pipeline chooses by family (`SD1Conditioner` for one CLIP (SD 1.x and its inpainting UNets),
    /// `SDXLConditioner` for CLIP-L and bigG (SDXL and its inpainting UNets, whose `y` is the
    /// base's: diffusers `StableDiffusionXLInpaintPipeline` passes the same `time_ids`; the
    /// aesthetic score is the refiner's alone, `requires_aesthetics_score`)).
    static func conditioner(for checkpoint: StableDiffusionCheckpoint, encoders: [CLIPTextModel]) throws -> any Conditioner {
        switch checkpoint.architecture.family {
        case .sdxl, .sdxlInpainting:
            return try SDXLConditioner(clipL: encoders[0], bigG: encoders[1])
        case .sd1, .sd1Inpainting:
            return SD1Conditioner(A1111Conditioning(textModel: encoders[0]))
        case let other:
            throw CheckpointError.unsupportedFamily(file: checkpoint.source.lastPathComponent, family: other.displayName)
        }
    }

    /// Loads a `.safetensors` checkpoint or a diffusers folder, with the folder's own
    /// tokenizer when it has one and CLIP's standard vocabulary otherwise. Without a
    /// `precision`, `automaticPrecision` picks one for the model.
    public static func load(_ url: URL, precision: Precision? = nil) throws -> StableDiffusionPipeline {
        let checkpoint = try StableDiffusionCheckpoint.load(url)
        let precision = try precision ?? automaticPrecision(for: checkpoint.unetConfig)
        let tokenizer = try checkpoint.tokenizerDirectory.map { try CLIPTokenizer(directory: $0) }
            ?? CLIPTokenizer.locateDefault()
        let chunker = A1111Chunker(tokenizer: tokenizer)
        return try StableDiffusionPipeline(checkpoint: checkpoint, precision: precision) { text, embeddings in
            try conditioningChunks(text, embeddings: embeddings, chunker: chunker)
        }
    }

    /// A1111 chunks of `text` with `embeddings` matched on token ids and their vectors placed
    /// after the start token (`PromptChunk.EmbeddingSlot.offset` + 1).
    static func conditioningChunks(_ text: String, embeddings: [TextualInversionEmbedding],
                                   chunker: A1111Chunker) throws -> [ConditioningChunk] {
        let tokenizer = chunker.tokenizer
        let vocabulary = EmbeddingVocabulary(names: embeddings.map { ($0.name, $0.count) }, tokenizer: tokenizer)
        let byName = Dictionary(embeddings.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return chunker.chunk(text, embeddings: vocabulary).chunks.map { chunk in
            ConditioningChunk(ids: chunk.paddedIDs(startOfText: tokenizer.startID, endOfText: tokenizer.endID),
                              multipliers: chunk.paddedMultipliers.map(Float.init),
                              embeddings: chunk.embeddings.compactMap { slot in
                                  byName[slot.name].map { embedding in
                                      let parts = embedding.vectorSets.map { set in
                                          EmbeddingInsert(position: slot.offset + 1, width: set.shape[1],
                                                          vectors: Array(set.values.prefix(slot.vectors * set.shape[1])))
                                      }
                                      var first = parts[0]
                                      first.otherEncoders = Array(parts.dropFirst())
                                      return first
                                  }
                              })
        }
    }
}

extension StableDiffusionPipeline {
    /// UNets narrower than this (base channels) run in fp32 unless asked otherwise.
    public static let smallModelChannels = 160

    /// The precision used when the caller does not choose: `EASEL_PRECISION` when set
    /// (`Precision.fromEnvironment`, which refuses a value naming no precision); fp32 for small
    /// models such as the demo model (base width 32 against SD 1.5's 320), whose matrices are
    /// too small for the bf16 packing to pay off (BENCHMARKS.md, "Demo model"); else the
    /// default (bf16 where the CPU has it).
    public static func automaticPrecision(for unet: UNetConfig) throws -> Precision {
        let chosen = try Precision.fromEnvironment()
        if chosen == nil, unet.modelChannels < smallModelChannels { return .fp32 }
        return Precision.resolve(chosen)
    }
}
