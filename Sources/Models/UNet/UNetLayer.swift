import Tensor

/// One entry of an LDM `TimestepEmbedSequential` block (`input_blocks.N.M`,
/// `middle_block.M`, `output_blocks.N.M`).
enum UNetLayer {
    /// A plain conv: `input_blocks.0.0` (conv_in) or a stride-2 `Downsample` (`.op`).
    case conv(Conv2dLayer)
    case resBlock(UNetResBlock)
    case transformer(SpatialTransformer)
    /// Nearest upsample to the next skip connection's size, then a 3×3 conv (`.conv`).
    case upsample(Conv2dLayer)

    /// Runs the layer; `nextSkipSize` is the spatial size an upsample must reach.
    func callAsFunction(_ x: Tensor, embedding: Tensor, context: UNetTextContext, nextSkipSize: (Int, Int)?) -> Tensor {
        switch self {
        case let .conv(conv):
            return conv(x)                                                       // [B, C', H', W']
        case let .resBlock(block):
            return block(x, activatedEmbedding: embedding)                       // [B, C', H, W]
        case let .transformer(transformer):
            return transformer(x, context: context)                              // [B, C, H, W]
        case let .upsample(conv):
            let (height, width) = nextSkipSize ?? (2 * x.shape[2], 2 * x.shape[3])
            return conv(x.upsampledNearest(height: height, width: width))        // [B, C, 2H, 2W]
        }
    }
}
