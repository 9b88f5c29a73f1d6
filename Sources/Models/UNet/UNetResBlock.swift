import Tensor

/// The UNet's residual block with a timestep input: GroupNorm32+SiLU, 3×3 conv, add the
/// projected embedding per channel, GroupNorm32+SiLU, 3×3 conv, plus a 1×1 skip conv when the
/// width changes. GroupNorm32 eps is PyTorch's default 1e-5 (diffusers `norm_eps` 1e-5).
/// Reference: LDM `ldm/modules/diffusionmodules/openaimodel.py`, `ResBlock._forward`
/// (use_scale_shift_norm False, dropout 0). Weights `in_layers.0/2`, `emb_layers.1`,
/// `out_layers.0/3`, `skip_connection`.
struct UNetResBlock {
    let inNorm: GroupNormLayer, inConv: Conv2dLayer
    /// emb_layers.1 with in_layers.2's bias folded into its bias, so its output is the whole
    /// per-channel bias of the first conv.
    let embedding: LinearLayer
    let outNorm: GroupNormLayer, outConv: Conv2dLayer
    let skip: Conv2dLayer?

    init(_ w: WeightScope, in inChannels: Int, out outChannels: Int, embeddingChannels: Int) throws {
        inNorm = try GroupNormLayer(w.child("in_layers.0"), channels: inChannels, eps: 1e-5)
        inConv = try Conv2dLayer(w.child("in_layers.2"), in: inChannels, out: outChannels, kernel: 3)
        let embeddingBias = try w("emb_layers.1.bias", [outChannels])
        embedding = LinearLayer(weight: try w.gemmWeight("emb_layers.1.weight", [outChannels, embeddingChannels],
                                                          layout: .outputsAsColumns),
                                bias: embeddingBias.adding(inConv.bias))
        outNorm = try GroupNormLayer(w.child("out_layers.0"), channels: outChannels, eps: 1e-5)
        outConv = try Conv2dLayer(w.child("out_layers.3"), in: outChannels, out: outChannels, kernel: 3)
        skip = inChannels == outChannels ? nil
            : try Conv2dLayer(w.child("skip_connection"), in: inChannels, out: outChannels, kernel: 1)
    }

    /// x [B, Cin, H, W], SiLU(emb) [B, E] → [B, Cout, H, W].
    func callAsFunction(_ x: Tensor, activatedEmbedding: Tensor) -> Tensor {
        let bias = embedding(activatedEmbedding)                  // [B, Cout]: emb proj + both biases
        var h = inNorm(x, activation: .silu)                      // [B, Cin, H, W]
        h = inConv(h, batchBias: bias)                            // [B, Cout, H, W] (+ emb per channel)
        h = outNorm(h, activation: .silu)                         // [B, Cout, H, W]
        let shortcut = skip?(x) ?? x                              // [B, Cout, H, W]
        return outConv(h, residual: shortcut)                     // [B, Cout, H, W]
    }
}
