import Tensor

/// The CLIP text transformer of SD 1.x (CLIP ViT-L/14's text tower): token + position
/// embeddings, pre-LN encoder layers with a causal mask, final LayerNorm.
/// Reference: transformers `models/clip/modeling_clip.py`, `CLIPTextTransformer.forward`;
/// weights under the HF names `embeddings.token_embedding.weight`,
/// `encoder.layers.N.self_attn.q_proj.weight`, `final_layer_norm.weight`.
public final class CLIPTextModel {
    public let config: CLIPTextConfig
    /// The precision the network multiplies in (after the CPU fallback).
    public let precision: Precision
    let tokenEmbedding: TokenEmbeddingTable // [V, C]
    let positionEmbedding: Tensor   // [P, C]
    let layers: [CLIPEncoderLayer]
    let finalLayerNorm: LayerNormLayer
    /// The layer weights adapters (LoRA, LyCORIS) patch in place, by canonical key.
    public let patchableWeights = PatchableWeights()
    private let pool = BufferPool()

    /// Builds the encoder from `weights`; `precision` chooses fp32 or bf16 products (see
    /// `Precision`; bf16 falls back to fp32 on CPUs without AVX512_BF16). The default is fp32, the
    /// results the reference fixtures pin; `StableDiffusionPipeline` passes `Precision.preferred`.
    public init(weights: WeightSource, config: CLIPTextConfig, precision: Precision = .fp32) throws {
        self.config = config
        let w = WeightScope(weights, precision: precision, registry: patchableWeights)
        self.precision = w.precision
        let c = config.hiddenSize
        tokenEmbedding = TokenEmbeddingTable(try w("embeddings.token_embedding.weight", [config.vocabSize, c]),
                                             precision: w.precision)
        positionEmbedding = try w("embeddings.position_embedding.weight", [config.maxPositions, c])
        layers = try (0..<config.numLayers).map { try CLIPEncoderLayer(w.child("encoder.layers.\($0)"), config: config) }
        finalLayerNorm = try LayerNormLayer(w.child("final_layer_norm"), width: c)
    }

    /// Hidden states [B, T, C] for token ids [B][T] (all rows the same length T ≤ 77).
    ///
    /// `clipSkip` 1 returns the last hidden state (after the final LayerNorm). For N > 1 it
    /// returns hidden state N from the end — the output of layer L − N + 1, or the embeddings
    /// when N = L + 1 — with the final LayerNorm applied, as A1111 does
    /// (`sd_hijack_clip.py`, `FrozenCLIPEmbedderWithCustomWords.encode_with_transformers`:
    /// `hidden_states[-opts.CLIP_stop_at_last_layers]` then `final_layer_norm`). Values above
    /// L + 1 are treated as L + 1.
    /// `inserts[b]` replace row b's token embeddings with textual-inversion vectors.
    public func encode(_ ids: [[Int]], clipSkip: Int = 1, inserts: [[EmbeddingInsert]] = []) throws -> Tensor {
        guard let length = ids.first?.count, length > 0 else { throw NetworkInputError.emptyBatch("token batch") }
        guard length <= config.maxPositions else {
            throw NetworkInputError.sequenceTooLong(length: length, maximum: config.maxPositions)
        }
        for row in ids {
            guard row.count == length else {
                throw NetworkInputError.shape("token batch row", got: [row.count], expected: "[\(length)] like the first row")
            }
            if let bad = row.first(where: { $0 < 0 || $0 >= config.vocabSize }) {
                throw NetworkInputError.tokenOutOfRange(id: bad, vocabularySize: config.vocabSize)
            }
        }
        for insert in inserts.joined() where insert.width != config.hiddenSize || insert.position < 0 {
            throw NetworkInputError.shape("embedding vectors", got: [insert.count, insert.width],
                                          expected: "[N, \(config.hiddenSize)]")
        }
        let layerCount = config.numLayers - (min(max(clipSkip, 1), config.numLayers + 1) - 1)
        let result = pool.activate { () -> Tensor in
            var x = embed(ids, inserts: inserts)                  // [B, T, C]
            for layer in layers.prefix(layerCount) { x = layer(x) } // [B, T, C]
            return finalLayerNorm(x)                              // [B, T, C]
        }
        return result.copyOutOfPool()
    }

    /// token_embedding[ids] (rows replaced by `inserts`) + position_embedding[0..<T] → [B, T, C].
    private func embed(_ ids: [[Int]], inserts: [[EmbeddingInsert]]) -> Tensor {
        let c = config.hiddenSize, length = ids[0].count
        precondition(tokenEmbedding.width == c)
        let out = Tensor(uninitialized: [ids.count, length, c])
        for (b, row) in ids.enumerated() {
            for (t, id) in row.enumerated() {
                let dst = out.pointer + (b * length + t) * c
                tokenEmbedding.lookup(id, adding: positionEmbedding.pointer + t * c, into: dst)
            }
            for insert in b < inserts.count ? inserts[b] : [] {
                for i in 0..<min(insert.count, max(length - insert.position, 0)) {
                    let t = insert.position + i, dst = out.pointer + (b * length + t) * c
                    for j in 0..<c { dst[j] = insert.vectors[i * c + j] + positionEmbedding.pointer[t * c + j] }
                }
            }
        }
        return out
    }

    /// Frees the activation buffers kept between calls.
    public func releaseScratch() { pool.trim() }
}

extension Tensor {
    /// A copy in ordinary (unpooled) memory, so a model's result does not pin its pool.
    func copyOutOfPool() -> Tensor {
        let out = Tensor(zeros: shape)
        out.pointer.update(from: pointer, count: count)
        return out
    }
}
