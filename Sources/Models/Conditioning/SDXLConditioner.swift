import Tensor

/// SDXL's text conditioning with A1111's semantics: both encoders read the same 77-token
/// chunks, each gives its penultimate hidden state without the final LayerNorm, emphasis is
/// applied per encoder and chunk with A1111's mean restore, the two are joined on the feature
/// axis (CLIP-L first) and the chunks on the token axis; the pooled vector is bigG's projected
/// EOS state of chunk 0; an empty negative prompt is all zeros; `y`'s size part comes from
/// `SDXLSizeConditioning`.
///
/// References: A1111 `modules/sd_hijack_clip.py` (`TextConditionalModel.forward`: chunks
/// `torch.hstack`ed, `zs[0].pooled`; `process_tokens`: ids after the first EOS set to `id_pad`,
/// emphasis after the encoder, pooled taken before it), `modules/sd_hijack_open_clip.py`
/// (`FrozenOpenCLIPEmbedder2WithCustomWords`: `id_pad = 0`), `modules/sd_models_xl.py`
/// (`get_learned_conditioning`: `force_zero_embeddings` for an empty negative prompt), sgm
/// `modules/encoders/modules.py` (`FrozenCLIPEmbedder` `layer="hidden"`, `layer_idx=-2`;
/// `FrozenOpenCLIPEmbedder2` `layer="penultimate"`, `pool`; `GeneralConditioner` concatenating
/// `crossattn` outputs on the last axis).
///
/// Choices that differ from ComfyUI, on purpose (A1111 is the reference):
/// - different chunk counts for cond and uncond are not padded: `padToSameLength` returns
///   them unchanged and the pipeline runs them as separate UNet calls (A1111's default,
///   `pad_cond_uncond` off); ComfyUI repeats the shorter context to a common multiple
///   (`comfy/samplers.py`, `cond_cat`), which gives the same attention up to rounding.
/// - clip skip 1 and 2 both mean the penultimate layer (A1111's default `sdxl_clip_l_skip`
///   off); ComfyUI's clip skip 1 (`CLIPSetLastLayer -1`) would take the last layer. From 3 on,
///   clip skip N takes hidden state N from the end of both encoders, without the final
///   LayerNorm, as ComfyUI (`SDClipModel.clip_layer`) and stable-diffusion.cpp do.
/// - an empty *negative* prompt is zeros (A1111, diffusers `force_zeros_for_empty_prompt`);
///   ComfyUI encodes it as text.
public struct SDXLConditioner: Conditioner {
    /// CLIP ViT-L/14 (`conditioner.embedders.0`, diffusers `text_encoder`).
    public let clipL: CLIPTextModel
    /// OpenCLIP ViT-bigG/14 (`conditioner.embedders.1`, diffusers `text_encoder_2`), with its
    /// `text_projection`.
    public let bigG: CLIPTextModel

    /// CLIP's end-of-text id, and the id bigG pads with after it (A1111 `id_pad = 0`, the
    /// token "!"; diffusers' `tokenizer_2` pads with "!" too).
    public static let endOfText = 49407, bigGPadding = 0

    public var textModels: [CLIPTextModel] { [clipL, bigG] }

    public init(clipL: CLIPTextModel, bigG: CLIPTextModel) throws {
        guard bigG.config.projectionWidth != nil else {
            throw NetworkInputError.configuration("SDXL's second text encoder has no text_projection")
        }
        self.clipL = clipL
        self.bigG = bigG
    }

    /// The hidden state (from the end) both encoders give for A1111's clip skip: 2 for 1 and 2.
    public static func hiddenStateFromEnd(clipSkip: Int) -> Int { max(clipSkip, 2) }

    /// `ids` with every id after the first EOS replaced by bigG's padding (A1111 `process_tokens`).
    public static func bigGIDs(_ ids: [Int]) -> [Int] {
        guard let end = ids.firstIndex(of: endOfText) else { return ids }
        return Array(ids[...end]) + Array(repeating: bigGPadding, count: ids.count - end - 1)
    }

    public func encode(_ chunks: [ConditioningChunk], clipSkip: Int) throws -> Conditioning {
        guard !chunks.isEmpty else { throw NetworkInputError.emptyBatch("prompt chunk list") }
        for chunk in chunks where chunk.ids.count != chunk.multipliers.count {
            throw NetworkInputError.multipliersMismatch(ids: chunk.ids.count, multipliers: chunk.multipliers.count)
        }
        let fromEnd = Self.hiddenStateFromEnd(clipSkip: clipSkip)
        // Each encoder reads its own part of an embedding (A1111 `EmbeddingsWithFixes`
        // `textual_inversion_key`: `clip_l` for CLIP-L, `clip_g` for bigG).
        let inserts = { (i: Int) in chunks.map { $0.embeddings.compactMap { $0.forEncoder(i) } } }
        let l = try clipL.run(chunks.map(\.ids), hiddenStateFromEnd: fromEnd, finalLayerNorm: false, pooled: false,
                              inserts: inserts(0))
        let g = try bigG.run(chunks.map { Self.bigGIDs($0.ids) }, hiddenStateFromEnd: fromEnd, finalLayerNorm: false,
                             pooled: true, inserts: inserts(1))
        let tokens = chunks.count * l.hidden.shape[1]
        let parts = [l.hidden, g.hidden].map { hidden -> Tensor in                  // [k, 77, C] each
            let (length, width) = (hidden.shape[1], hidden.shape[2])
            for (index, chunk) in chunks.enumerated() {
                A1111Conditioning.applyEmphasis(hidden.pointer + index * length * width, length: length,
                                                width: width, multipliers: chunk.multipliers)
            }
            return hidden.reshaped([tokens, width])                                   // [77·k, C]
        }
        let context = Tensor.concatenate(parts, axis: 1)                              // [77·k, Cl + Cg]
        let pooled = try firstRow(of: g.pooled)                                       // [1, P]
        return Conditioning(context: context.reshaped([1, tokens, context.shape[1]]), pooled: pooled)
    }

    /// A1111 `force_zero_embeddings`: context [1, 77, Cl + Cg] and pooled [1, P] of zeros.
    public func emptyNegative(clipSkip: Int) throws -> Conditioning? {
        let width = clipL.config.hiddenSize + bigG.config.hiddenSize
        return Conditioning(context: Tensor(zeros: [1, clipL.config.maxPositions, width]),
                            pooled: Tensor(zeros: [1, bigG.config.projectionWidth ?? 0]))
    }

    /// Adds the size and crop sinusoids of A1111's default (original = target = the image).
    public func sized(_ conditioning: Conditioning, width: Int, height: Int) -> Conditioning {
        var sized = conditioning
        sized.extra = SDXLSizeConditioning(width: width, height: height).embedding    // [1, 1536]
        return sized
    }

    /// Unchanged: A1111 runs cond and uncond of different lengths as separate UNet calls.
    public func padToSameLength(_ cond: Conditioning, _ uncond: Conditioning,
                                clipSkip: Int) throws -> (cond: Conditioning, uncond: Conditioning) {
        (cond, uncond)
    }

    /// Chunk 0's pooled vector [1, P] from the batch's [k, P].
    private func firstRow(of pooled: Tensor?) throws -> Tensor {
        guard let pooled else { throw NetworkInputError.configuration("bigG gave no pooled output") }
        let width = pooled.shape[1]
        let row = Tensor(zeros: [1, width])
        row.pointer.update(from: pooled.pointer, count: width)
        return row
    }
}
