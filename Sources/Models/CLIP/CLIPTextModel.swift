import Tensor

/// The CLIP text transformer: token + position embeddings, pre-LN encoder layers with a causal
/// mask, final LayerNorm, and for encoders that have one (SDXL's OpenCLIP bigG) the pooled
/// `text_projection`. It serves CLIP ViT-L/14 (SD 1.x, SDXL's first encoder) and OpenCLIP
/// towers read through `OpenCLIPTextWeights`.
/// Reference: transformers `models/clip/modeling_clip.py`, `CLIPTextTransformer.forward` and
/// `CLIPTextModelWithProjection.forward`; weights under the HF names
/// `embeddings.token_embedding.weight`, `encoder.layers.N.self_attn.q_proj.weight`,
/// `final_layer_norm.weight`, `text_projection.weight`.
public final class CLIPTextModel {
    public let config: CLIPTextConfig
    /// The precision the network multiplies in (after the CPU fallback).
    public let precision: Precision
    let tokenEmbedding: TokenEmbeddingTable // [V, C]
    let positionEmbedding: Tensor   // [P, C]
    let layers: [CLIPEncoderLayer]
    let finalLayerNorm: LayerNormLayer
    /// `text_projection.weight` [P, C] as a bias-free Linear layer, when the encoder has one.
    let textProjection: LinearLayer?
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
        let tokenKey = "embeddings.token_embedding.weight", tokenShape = [config.vocabSize, c]
        tokenEmbedding = try w.halfWeights(tokenKey, tokenShape).map(TokenEmbeddingTable.init(half:))
            ?? TokenEmbeddingTable(try w(tokenKey, tokenShape), precision: w.precision)
        positionEmbedding = try w("embeddings.position_embedding.weight", [config.maxPositions, c])
        layers = try (0..<config.numLayers).map { try CLIPEncoderLayer(w.child("encoder.layers.\($0)"), config: config) }
        finalLayerNorm = try LayerNormLayer(w.child("final_layer_norm"), width: c)
        textProjection = try config.projectionWidth.map {
            LinearLayer(weight: try w("text_projection.weight", [$0, c]), bias: nil, precision: w.precision)
        }
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
        try run(ids, hiddenStateFromEnd: clipSkip, finalLayerNorm: true, pooled: false, inserts: inserts).hidden
    }

    /// One run of the encoder for token ids [B][T] (all rows the same length T ≤ 77).
    ///
    /// `hidden` is hidden state `hiddenStateFromEnd` from the end (1: the last layer's output,
    /// 2: the penultimate, …, L + 1: the embeddings; values outside 1…L+1 are clamped),
    /// through the final LayerNorm when `finalLayerNorm` is set (A1111's SD 1.x clip skip) or
    /// raw (sgm's and A1111's SDXL `layer="penultimate"`, transformers `hidden_states[-2]`).
    /// `pooled`, when asked, is the final LayerNorm of the last layer's output at each row's
    /// first highest id (CLIP's EOS, torch `argmax`), through `text_projection` — transformers
    /// `CLIPTextModelWithProjection` `text_embeds`, open_clip `encode_text` (`x @ text_projection`).
    /// `inserts[b]` replace row b's token embeddings with textual-inversion vectors.
    public func run(_ ids: [[Int]], hiddenStateFromEnd: Int, finalLayerNorm applyNorm: Bool,
                    pooled wantsPooled: Bool, inserts: [[EmbeddingInsert]] = []) throws -> CLIPTextOutput {
        try check(ids)
        for insert in inserts.joined() where insert.width != config.hiddenSize || insert.position < 0 {
            throw NetworkInputError.shape("embedding vectors", got: [insert.count, insert.width],
                                          expected: "[N, \(config.hiddenSize)]")
        }
        if wantsPooled, textProjection == nil {
            throw NetworkInputError.configuration("this text encoder has no text_projection for a pooled output")
        }
        let kept = config.numLayers - (min(max(hiddenStateFromEnd, 1), config.numLayers + 1) - 1)
        return pool.activate { () -> CLIPTextOutput in
            var x = embed(ids, inserts: inserts)                      // [B, T, C]
            for layer in layers.prefix(kept) { x = layer(x) }         // [B, T, C]
            let hidden = (applyNorm ? finalLayerNorm(x) : x).copyOutOfPool() // [B, T, C]
            guard wantsPooled, let textProjection else { return CLIPTextOutput(hidden: hidden, pooled: nil) }
            for layer in layers.dropFirst(kept) { x = layer(x) }      // [B, T, C]
            let ends = gatherRows(x, at: ids.map(Self.firstHighest))  // [B, C]
            let pooled = textProjection(finalLayerNorm(ends))         // [B, P]
            return CLIPTextOutput(hidden: hidden, pooled: pooled.copyOutOfPool())
        }
    }

    /// The index of the first largest id (torch `argmax`, which returns the first maximum).
    static func firstHighest(_ row: [Int]) -> Int {
        var best = 0
        for (i, id) in row.enumerated() where id > row[best] { best = i }
        return best
    }

    /// Row `positions[b]` of each batch item of x [B, T, C] → [B, C].
    private func gatherRows(_ x: Tensor, at positions: [Int]) -> Tensor {
        let (length, width) = (x.shape[1], x.shape[2])
        let out = Tensor(uninitialized: [positions.count, width])
        for (b, t) in positions.enumerated() {
            (out.pointer + b * width).update(from: x.pointer + (b * length + t) * width, count: width)
        }
        return out
    }

    private func check(_ ids: [[Int]]) throws {
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

    /// Hands the file pages of half-stored weights (`Precision.fp32HalfWeights`) back to the
    /// system; the next encode reads them from the file again. Nothing for other precisions.
    public func releaseWeightPages() {
        tokenEmbedding.releaseFilePages()
        patchableWeights.releaseFilePages()
    }
}

extension Tensor {
    /// A copy in ordinary (unpooled) memory, so a model's result does not pin its pool.
    func copyOutOfPool() -> Tensor {
        let out = Tensor(zeros: shape)
        out.pointer.update(from: pointer, count: count)
        return out
    }
}
