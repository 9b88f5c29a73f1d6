import Tensor

/// The VAE encoder: conv_in, down levels with num_res_blocks resnets each and a stride-2
/// conv (padded only right and bottom) on all but the last, a middle block, then GroupNorm,
/// SiLU and conv_out to 2 × latent channels (mean and log-variance).
/// Reference: LDM `ldm/modules/diffusionmodules/model.py`, `Encoder.forward` and `Downsample`
/// (`F.pad(x, (0, 1, 0, 1))` then a 3×3 stride-2 conv without padding).
struct VAEEncoder {
    struct DownLevel {
        let blocks: [VAEResnetBlock]
        let downsample: Conv2dLayer?
    }

    let convIn: Conv2dLayer
    let levels: [DownLevel]
    let mid1: VAEResnetBlock, midAttention: VAEAttentionBlock, mid2: VAEResnetBlock
    let normOut: GroupNormLayer, convOut: Conv2dLayer

    init(_ w: WeightScope, config: VAEConfig) throws {
        let widths = config.channelMult.map { $0 * config.channels }
        var channels = config.channels
        convIn = try Conv2dLayer(w.child("conv_in"), in: config.imageChannels, out: channels, kernel: 3)
        var levels: [DownLevel] = []
        for level in widths.indices {
            let down = w.child("down.\(level)")
            let blocks = try (0..<config.numResBlocks).map { i -> VAEResnetBlock in
                defer { channels = widths[level] }
                return try VAEResnetBlock(down.child("block.\(i)"), in: channels, out: widths[level])
            }
            let downsample = level == widths.count - 1 ? nil
                : try Conv2dLayer(down.child("downsample.conv"), in: channels, out: channels, kernel: 3, stride: 2,
                                  padding: Padding2D(top: 0, left: 0, bottom: 1, right: 1))
            levels.append(DownLevel(blocks: blocks, downsample: downsample))
        }
        self.levels = levels
        mid1 = try VAEResnetBlock(w.child("mid.block_1"), in: channels, out: channels)
        midAttention = try VAEAttentionBlock(w.child("mid.attn_1"), channels: channels)
        mid2 = try VAEResnetBlock(w.child("mid.block_2"), in: channels, out: channels)
        normOut = try GroupNormLayer(w.child("norm_out"), channels: channels, eps: 1e-6)
        convOut = try Conv2dLayer(w.child("conv_out"), in: channels, out: 2 * config.latentChannels, kernel: 3)
    }

    /// image [B, 3, H, W] in [-1, 1] → moments [B, 8, H/8, W/8] (before quant_conv).
    func callAsFunction(_ image: Tensor) -> Tensor {
        var h = convIn(image)                                      // [B, C1, H, W]
        for level in levels {
            for block in level.blocks { h = block(h) }             // [B, C_level, H', W']
            if let downsample = level.downsample { h = downsample(h) } // [B, C_level, H'/2, W'/2]
        }
        h = mid2(midAttention(mid1(h)))                            // [B, C4, H/8, W/8]
        return convOut(normOut(h, activation: .silu))              // [B, 8, H/8, W/8]
    }
}
