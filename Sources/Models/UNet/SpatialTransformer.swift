import Tensor

/// LDM's SpatialTransformer for SD 1.x: GroupNorm (32 groups, eps 1e-6), 1×1 conv `proj_in`
/// to token rows, transformer blocks, 1×1 conv `proj_out` back to NCHW, plus the input.
/// Reference: LDM `ldm/modules/attention.py`, `SpatialTransformer.forward` (use_linear False).
struct SpatialTransformer {
    let norm: GroupNormLayer
    let projIn: Conv2dLayer
    let blocks: [BasicTransformerBlock]
    let projOut: Conv2dLayer

    init(_ w: WeightScope, channels: Int, contextDim: Int, heads: Int, depth: Int) throws {
        norm = try GroupNormLayer(w.child("norm"), channels: channels, eps: 1e-6)
        projIn = try Conv2dLayer(w.child("proj_in"), in: channels, out: channels, kernel: 1, layout: .outputsAsColumns)
        blocks = try (0..<depth).map {
            try BasicTransformerBlock(w.child("transformer_blocks.\($0)"), channels: channels,
                                      contextDim: contextDim, heads: heads)
        }
        projOut = try Conv2dLayer(w.child("proj_out"), in: channels, out: channels, kernel: 1)
    }

    /// x [B, C, H, W], context [B, Tc, Cc] → [B, C, H, W].
    func callAsFunction(_ x: Tensor, context: UNetTextContext) -> Tensor {
        let normed = norm(x)                                                        // [B, C, H, W]
        var tokens = normed.pointwiseConvToTokens(weight: projIn.weight, bias: projIn.bias) // [B, HW, C]
        for block in blocks { tokens = block(tokens, context: context) }           // [B, HW, C]
        return tokens.tokensPointwiseConv(weight: projOut.weight, bias: projOut.bias, residual: x) // [B, C, H, W]
    }
}
