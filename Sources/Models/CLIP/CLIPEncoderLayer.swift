import Tensor

/// One pre-LayerNorm transformer layer of the CLIP text encoder with a causal mask and a
/// quick_gelu (CLIP ViT-L) or gelu (OpenCLIP) MLP. Reference: transformers
/// `models/clip/modeling_clip.py`, `CLIPEncoderLayer.forward`, `CLIPAttention`, `CLIPMLP`;
/// open_clip `transformer.py`, `ResidualAttentionBlock` (the same computation).
struct CLIPEncoderLayer {
    let layerNorm1: LayerNormLayer
    let qProj: LinearLayer, kProj: LinearLayer, vProj: LinearLayer, outProj: LinearLayer
    let layerNorm2: LayerNormLayer
    let fc1: LinearLayer, fc2: LinearLayer
    let heads: Int
    let activation: Activation
    let precision: Precision

    init(_ w: WeightScope, config: CLIPTextConfig) throws {
        let c = config.hiddenSize
        layerNorm1 = try LayerNormLayer(w.child("layer_norm1"), width: c)
        let attention = w.child("self_attn")
        qProj = try LinearLayer(attention.child("q_proj"), in: c, out: c)
        kProj = try LinearLayer(attention.child("k_proj"), in: c, out: c)
        vProj = try LinearLayer(attention.child("v_proj"), in: c, out: c)
        outProj = try LinearLayer(attention.child("out_proj"), in: c, out: c)
        layerNorm2 = try LayerNormLayer(w.child("layer_norm2"), width: c)
        fc1 = try LinearLayer(w.child("mlp.fc1"), in: c, out: config.intermediateSize)
        fc2 = try LinearLayer(w.child("mlp.fc2"), in: config.intermediateSize, out: c)
        heads = config.numHeads
        activation = config.activation
        precision = w.precision
    }

    /// x [B, T, C] → [B, T, C].
    func callAsFunction(_ x: Tensor) -> Tensor {
        let h = layerNorm1(x)                                                   // [B, T, C]
        let attended = Attention.multiHead(q: qProj(h), k: kProj(h), v: vProj(h),
                                           heads: heads, causal: true, precision: precision)        // [B, T, C]
        let x = outProj(attended, residual: x)                                  // [B, T, C]
        let hidden = fc1(layerNorm2(x))                                         // [B, T, 4C]
        activation.apply(hidden.pointer, count: hidden.count)                   // [B, T, 4C]
        return fc2(hidden, residual: x)                                         // [B, T, C]
    }
}
