import Tensor

/// Single-head self-attention over all pixels of the VAE's middle block, with 1×1 convs
/// for q, k, v and the output projection, and a residual connection.
/// Reference: LDM `ldm/modules/diffusionmodules/model.py`, `AttnBlock.forward`
/// (scale c^-½, softmax over keys).
struct VAEAttentionBlock {
    let norm: GroupNormLayer
    let q: Conv2dLayer, k: Conv2dLayer, v: Conv2dLayer, projOut: Conv2dLayer

    init(_ w: WeightScope, channels: Int) throws {
        norm = try GroupNormLayer(w.child("norm"), channels: channels, eps: 1e-6)
        q = try Conv2dLayer(w.child("q"), in: channels, out: channels, kernel: 1)
        k = try Conv2dLayer(w.child("k"), in: channels, out: channels, kernel: 1)
        v = try Conv2dLayer(w.child("v"), in: channels, out: channels, kernel: 1)
        projOut = try Conv2dLayer(w.child("proj_out"), in: channels, out: channels, kernel: 1)
    }

    /// x [B, C, H, W] → [B, C, H, W].
    func callAsFunction(_ x: Tensor) -> Tensor {
        let (b, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let normed = norm(x)                                                     // [B, C, H, W]
        let tokens = [b, c, h * w]
        let attended = Attention.multiHead(q: q(normed).reshaped(tokens),       // [B, C, HW]
                                           k: k(normed).reshaped(tokens),
                                           v: v(normed).reshaped(tokens),
                                           heads: 1, layout: .channelsMajor)
        return projOut(attended.reshaped([b, c, h, w]), residual: x)             // [B, C, H, W]
    }
}
