import Tensor

/// Turns A1111 prompt chunks into cross-attention context the way A1111's
/// `FrozenCLIPEmbedderWithCustomWords` does: encode each chunk (with clip skip), multiply
/// each token's hidden state by its emphasis multiplier, rescale so the chunk's mean equals
/// its unweighted mean, and join the chunks along the token axis.
public struct A1111Conditioning {
    public let textModel: CLIPTextModel

    public init(textModel: CLIPTextModel) {
        self.textModel = textModel
    }

    /// Context [1, 77·k, C] for k chunks. Reference: A1111 `modules/sd_hijack_clip.py`,
    /// `TextConditionalModel.forward` (chunks joined with `torch.hstack`) and
    /// `process_tokens`; `modules/sd_emphasis.py`, `EmphasisOriginal.after_transformers`.
    public func encode(_ chunks: [ConditioningChunk], clipSkip: Int) throws -> Tensor {
        guard !chunks.isEmpty else { throw NetworkInputError.emptyBatch("prompt chunk list") }
        for chunk in chunks where chunk.ids.count != chunk.multipliers.count {
            throw NetworkInputError.multipliersMismatch(ids: chunk.ids.count, multipliers: chunk.multipliers.count)
        }
        let hidden = try textModel.encode(chunks.map(\.ids), clipSkip: clipSkip,
                                          inserts: chunks.map(\.embeddings))  // [k, 77, C]
        let (length, width) = (hidden.shape[1], hidden.shape[2])
        for (index, chunk) in chunks.enumerated() {
            Self.applyEmphasis(hidden.pointer + index * length * width, length: length, width: width,
                               multipliers: chunk.multipliers)
        }
        return hidden.reshaped([1, chunks.count * length, width])              // [1, 77·k, C]
    }

    /// z ← z·m (per token), then z ← z·(mean before / mean after), over one chunk [T, C].
    /// Reference: A1111 `modules/sd_emphasis.py`, `EmphasisOriginal.after_transformers`.
    static func applyEmphasis(_ z: UnsafeMutablePointer<Float>, length: Int, width: Int, multipliers: [Float]) {
        guard multipliers.contains(where: { $0 != 1 }) else { return }
        let count = length * width
        var before = 0.0
        for i in 0..<count { before += Double(z[i]) }
        var after = 0.0
        for t in 0..<length {
            let m = multipliers[t]
            for i in t * width..<(t + 1) * width {
                z[i] *= m
                after += Double(z[i])
            }
        }
        let factor = Float((before / Double(count)) / (after / Double(count)))
        for i in 0..<count { z[i] *= factor }
    }

    /// Makes cond and uncond the same length by appending encodings of the empty prompt to
    /// the shorter one, so both fit in one batch. Reference: A1111
    /// `modules/sd_samplers_cfg_denoiser.py`, `pad_cond` (with `pad_cond_uncond`), which
    /// repeats `cond_stage_model_empty_prompt` — the empty prompt's encoding at the same
    /// clip skip. Both inputs are [1, 77·k, C].
    public func padToSameLength(_ cond: Tensor, _ uncond: Tensor, clipSkip: Int) throws -> (cond: Tensor, uncond: Tensor) {
        guard cond.shape[1] != uncond.shape[1] else { return (cond, uncond) }
        let empty = try encode([.empty(length: textModel.config.maxPositions)], clipSkip: clipSkip) // [1, 77, C]
        func padded(_ t: Tensor, to tokens: Int) -> Tensor {
            let repeats = (tokens - t.shape[1]) / empty.shape[1]
            return Tensor.concatenate([t] + Array(repeating: empty, count: repeats), axis: 1)
        }
        let tokens = max(cond.shape[1], uncond.shape[1])
        return (padded(cond, to: tokens), padded(uncond, to: tokens))
    }
}
