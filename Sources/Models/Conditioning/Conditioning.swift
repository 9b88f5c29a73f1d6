import Tensor

/// What a text conditioner hands the denoiser for one prompt text: the cross-attention
/// context and, for families that use them, a pooled text embedding and extra conditioning.
/// The sampler and guidance carry it without looking inside; only the UNet call reads it.
///
/// Reference: ComfyUI `comfy/model_base.py` (`cross_attn`, `pooled_output`, `encode_adm`);
/// diffusers `StableDiffusionXLPipeline` (`prompt_embeds`, `add_text_embeds`, `add_time_ids`).
public struct Conditioning: Sendable {
    /// Cross-attention context [1, T, D] (T = 77·k for A1111 chunking).
    public var context: Tensor
    /// The pooled text embedding [1, P] (SDXL's CLIP-G `text_embeds`); nil for SD 1.x.
    public var pooled: Tensor?
    /// Further vector conditioning [1, A] that follows the pooled embedding in the UNet's `y`,
    /// such as SDXL's size and crop sinusoids; nil for SD 1.x.
    public var extra: Tensor?

    public init(context: Tensor, pooled: Tensor? = nil, extra: Tensor? = nil) {
        self.context = context
        self.pooled = pooled
        self.extra = extra
    }

    /// Tokens in the context (its axis 1).
    public var tokenCount: Int { context.shape[1] }

    /// The UNet's vector input `y` [1, P + A]: pooled then extra (sgm `GeneralConditioner`
    /// concatenates the embedders' `vector` outputs in order; ComfyUI `SDXL.encode_adm`), nil
    /// when the conditioning has neither.
    public var vector: Tensor? {
        let parts = [pooled, extra].compactMap { $0 }
        guard !parts.isEmpty else { return nil }
        return parts.count == 1 ? parts[0] : Tensor.concatenate(parts, axis: 1)
    }
}
