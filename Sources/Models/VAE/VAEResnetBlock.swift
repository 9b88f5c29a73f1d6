import Tensor

/// The VAE's residual block without a timestep input: GroupNorm+SiLU, 3×3 conv, twice, plus
/// a 1×1 `nin_shortcut` when the width changes. GroupNorm eps is 1e-6 throughout the VAE.
/// Reference: LDM `ldm/modules/diffusionmodules/model.py`, `ResnetBlock.forward` (temb None,
/// dropout 0, conv_shortcut False).
struct VAEResnetBlock {
    let norm1: GroupNormLayer, conv1: Conv2dLayer
    let norm2: GroupNormLayer, conv2: Conv2dLayer
    let ninShortcut: Conv2dLayer?

    init(_ w: WeightScope, in inChannels: Int, out outChannels: Int) throws {
        norm1 = try GroupNormLayer(w.child("norm1"), channels: inChannels, eps: 1e-6)
        conv1 = try Conv2dLayer(w.child("conv1"), in: inChannels, out: outChannels, kernel: 3)
        norm2 = try GroupNormLayer(w.child("norm2"), channels: outChannels, eps: 1e-6)
        conv2 = try Conv2dLayer(w.child("conv2"), in: outChannels, out: outChannels, kernel: 3)
        ninShortcut = inChannels == outChannels ? nil
            : try Conv2dLayer(w.child("nin_shortcut"), in: inChannels, out: outChannels, kernel: 1)
    }

    /// x [B, Cin, H, W] → [B, Cout, H, W].
    /// The block's own intermediates are overwritten in place (norm2 over conv1's output,
    /// conv2's result over the nin_shortcut's), which keeps the decoder's peak memory two
    /// activations lower at full resolution.
    func callAsFunction(_ x: Tensor) -> Tensor {
        var h = norm1(x, activation: .silu)        // [B, Cin, H, W]
        h = conv1(h)                               // [B, Cout, H, W]
        h = norm2(h, activation: .silu, inPlace: true) // [B, Cout, H, W]
        guard let ninShortcut else { return conv2(h, residual: x) } // [B, Cout, H, W]
        let shortcut = ninShortcut(x)              // [B, Cout, H, W]
        return conv2(h, residual: shortcut, intoResidual: true) // [B, Cout, H, W]
    }
}
