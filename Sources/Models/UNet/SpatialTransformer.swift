import Tensor

/// LDM's SpatialTransformer: GroupNorm (32 groups, eps 1e-6), `proj_in` to token rows,
/// transformer blocks, `proj_out` back to NCHW, plus the input. `proj_in`/`proj_out` are 1×1
/// convolutions (SD 1.x) or Linear layers (SD 2.x, SDXL); a Linear layer on [B, HW, C] tokens
/// is the 1×1 convolution with the same [C, C] weight, so both run the same pointwise code.
/// Reference: LDM `ldm/modules/attention.py`, `SpatialTransformer.forward` (`use_linear`).
struct SpatialTransformer {
    let norm: GroupNormLayer
    let projIn: Conv2dLayer
    let blocks: [BasicTransformerBlock]
    let projOut: Conv2dLayer

    init(_ w: WeightScope, channels: Int, contextDim: Int, heads: Int, depth: Int,
         projection: TransformerProjection = .convolution) throws {
        norm = try GroupNormLayer(w.child("norm"), channels: channels, eps: 1e-6)
        projIn = try Self.pointwise(w.child("proj_in"), channels: channels, projection, layout: .outputsAsColumns)
        blocks = try (0..<depth).map {
            try BasicTransformerBlock(w.child("transformer_blocks.\($0)"), channels: channels,
                                      contextDim: contextDim, heads: heads)
        }
        projOut = try Self.pointwise(w.child("proj_out"), channels: channels, projection, layout: .outputsAsRows)
    }

    /// A `proj_in`/`proj_out` layer as a 1×1 convolution [C, C, 1, 1]; Linear weights [C, C]
    /// are viewed as that shape (LDM `use_linear` stores `nn.Linear(C, C)`).
    private static func pointwise(_ w: WeightScope, channels: Int, _ projection: TransformerProjection,
                                  layout: BF16Panels.Layout) throws -> Conv2dLayer {
        switch projection {
        case .convolution:
            return try Conv2dLayer(w, in: channels, out: channels, kernel: 1, layout: layout)
        case .linear:
            let weight = try w.gemmWeight("weight", [channels, channels], viewedAs: [channels, channels, 1, 1],
                                          layout: layout)
            return Conv2dLayer(pointwise: weight, bias: try w("bias", [channels]))
        }
    }

    /// x [B, C, H, W], context [B, Tc, Cc] → [B, C, H, W].
    func callAsFunction(_ x: Tensor, context: UNetTextContext) -> Tensor {
        let normed = norm(x)                                                        // [B, C, H, W]
        var tokens = normed.pointwiseConvToTokens(weight: projIn.weight, bias: projIn.bias) // [B, HW, C]
        for block in blocks { tokens = block(tokens, context: context) }           // [B, HW, C]
        return tokens.tokensPointwiseConv(weight: projOut.weight, bias: projOut.bias, residual: x) // [B, C, H, W]
    }
}
