import Tensor

/// Multi-head attention with bias-free q/k/v projections and a biased output projection;
/// keys and values come from the context (cross-attention) or from x itself.
/// Reference: LDM `ldm/modules/attention.py`, `CrossAttention.forward` (scale dim_head^-½).
/// Weights `to_q`, `to_k`, `to_v`, `to_out.0`.
struct CrossAttention {
    let toQ: LinearLayer, toK: LinearLayer, toV: LinearLayer, toOut: LinearLayer
    let heads: Int
    let precision: Precision

    init(_ w: WeightScope, queryDim: Int, contextDim: Int, heads: Int) throws {
        toQ = try LinearLayer(w.child("to_q"), in: queryDim, out: queryDim, bias: false)
        toK = try LinearLayer(w.child("to_k"), in: contextDim, out: queryDim, bias: false)
        toV = try LinearLayer(w.child("to_v"), in: contextDim, out: queryDim, bias: false)
        toOut = try LinearLayer(w.child("to_out.0"), in: queryDim, out: queryDim)
        self.heads = heads
        precision = w.precision
    }

    /// x [B, T, C], context [B, Tc, Cc] (nil: self-attention) → attention(x) + residual.
    func callAsFunction(_ x: Tensor, context: Tensor?, residual: Tensor) -> Tensor {
        let source = context ?? x
        let attended = Attention.multiHead(q: toQ(x),            // [B, T, C]
                                           k: toK(source),       // [B, Tc, C]
                                           v: toV(source),       // [B, Tc, C]
                                           heads: heads, precision: precision)
        return toOut(attended, residual: residual)               // [B, T, C]
    }
}
