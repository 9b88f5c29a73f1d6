import Tensor

/// The VAE decoder: conv_in, a middle block (resnet, attention, resnet), up levels from the
/// deepest with num_res_blocks + 1 resnets each and a nearest ×2 upsample + conv on all but
/// the last, then GroupNorm, SiLU and conv_out. Weights under `decoder.` (`up.N` is level N,
/// so `up.0` is the full-resolution level that runs last).
/// Reference: LDM `ldm/modules/diffusionmodules/model.py`, `Decoder.forward` and `Upsample`.
struct VAEDecoder {
    struct UpLevel {
        let blocks: [VAEResnetBlock]
        let upsample: Conv2dLayer?
    }

    let convIn: Conv2dLayer
    let mid1: VAEResnetBlock, midAttention: VAEAttentionBlock, mid2: VAEResnetBlock
    let levels: [UpLevel]    // index = level, run from last to first
    let normOut: GroupNormLayer, convOut: Conv2dLayer

    init(_ w: WeightScope, config: VAEConfig) throws {
        let widths = config.channelMult.map { $0 * config.channels }
        var channels = widths.last!
        convIn = try Conv2dLayer(w.child("conv_in"), in: config.latentChannels, out: channels, kernel: 3)
        mid1 = try VAEResnetBlock(w.child("mid.block_1"), in: channels, out: channels)
        midAttention = try VAEAttentionBlock(w.child("mid.attn_1"), channels: channels)
        mid2 = try VAEResnetBlock(w.child("mid.block_2"), in: channels, out: channels)
        var levels: [UpLevel] = []
        for level in widths.indices.reversed() {
            let up = w.child("up.\(level)")
            let blocks = try (0...config.numResBlocks).map { i -> VAEResnetBlock in
                defer { channels = widths[level] }
                return try VAEResnetBlock(up.child("block.\(i)"), in: channels, out: widths[level])
            }
            let upsample = level == 0 ? nil
                : try Conv2dLayer(up.child("upsample.conv"), in: widths[level], out: widths[level], kernel: 3)
            levels.insert(UpLevel(blocks: blocks, upsample: upsample), at: 0)
        }
        self.levels = levels
        normOut = try GroupNormLayer(w.child("norm_out"), channels: widths[0], eps: 1e-6)
        convOut = try Conv2dLayer(w.child("conv_out"), in: widths[0], out: config.imageChannels, kernel: 3)
    }

    /// z [B, 4, h, w] (after post_quant_conv) → image [B, 3, 8h, 8w] in about [-1, 1].
    func callAsFunction(_ z: Tensor) -> Tensor {
        var h = convIn(z)                                          // [B, C4, h, w]
        h = mid2(midAttention(mid1(h)))                            // [B, C4, h, w]
        for level in levels.reversed() {
            for block in level.blocks { h = block(h) }             // [B, C_level, H, W]
            if let upsample = level.upsample {
                h = upsample(h.upsampledNearest2x())               // [B, C_level, 2H, 2W]
            }
        }
        let out = normOut(h, activation: .silu)                    // [B, C1, 8h, 8w]
        return convOut(out)                                        // [B, 3, 8h, 8w]
    }
}
