import Tensor

/// Transformer block of LDM: LayerNorm + self-attention, LayerNorm + cross-attention on the
/// text context, LayerNorm + GEGLU feed-forward, each with a residual. LayerNorm eps 1e-5.
/// Reference: LDM `ldm/modules/attention.py`, `BasicTransformerBlock._forward` and
/// `FeedForward` (glu=True, mult 4). Weights `norm1..3`, `attn1`, `attn2`, `ff.net.0.proj`,
/// `ff.net.2`.
struct BasicTransformerBlock {
    let norm1: LayerNormLayer, attn1: CrossAttention
    let norm2: LayerNormLayer, attn2: CrossAttention
    let norm3: LayerNormLayer, ffIn: LinearLayer, ffOut: LinearLayer

    init(_ w: WeightScope, channels: Int, contextDim: Int, heads: Int) throws {
        norm1 = try LayerNormLayer(w.child("norm1"), width: channels)
        attn1 = try CrossAttention(w.child("attn1"), queryDim: channels, contextDim: channels, heads: heads)
        norm2 = try LayerNormLayer(w.child("norm2"), width: channels)
        attn2 = try CrossAttention(w.child("attn2"), queryDim: channels, contextDim: contextDim, heads: heads)
        norm3 = try LayerNormLayer(w.child("norm3"), width: channels)
        ffIn = try LinearLayer(w.child("ff.net.0.proj"), in: channels, out: 8 * channels)
        ffOut = try LinearLayer(w.child("ff.net.2"), in: 4 * channels, out: channels)
    }

    /// x [B, T, C], context [B, Tc, Cc] → [B, T, C].
    func callAsFunction(_ x: Tensor, context: UNetTextContext) -> Tensor {
        var x = attn1(norm1(x), context: nil, residual: x)         // [B, T, C]
        x = attn2(norm2(x), context: context, residual: x)         // [B, T, C]
        let hidden = ffIn(norm3(x)).geglu()                        // [B, T, 4C]
        return ffOut(hidden, residual: x)                          // [B, T, C]
    }
}
