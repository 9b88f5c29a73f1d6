import Tensor

/// Multi-head attention with bias-free q/k/v projections and a biased output projection;
/// keys and values come from the context (cross-attention) or from x itself.
/// Reference: LDM `ldm/modules/attention.py`, `CrossAttention.forward` (scale dim_head^-½).
/// Weights `to_q`, `to_k`, `to_v`, `to_out.0`.
struct CrossAttention {
    let toQ: LinearLayer, toK: LinearLayer, toV: LinearLayer, toOut: LinearLayer
    let heads: Int
    let precision: Precision
    /// Names this layer's keys and values in a `UNetTextContext`.
    let projectionKey = ProjectionKey()

    init(_ w: WeightScope, queryDim: Int, contextDim: Int, heads: Int) throws {
        toQ = try LinearLayer(w.child("to_q"), in: queryDim, out: queryDim, bias: false)
        toK = try LinearLayer(w.child("to_k"), in: contextDim, out: queryDim, bias: false)
        toV = try LinearLayer(w.child("to_v"), in: contextDim, out: queryDim, bias: false)
        toOut = try LinearLayer(w.child("to_out.0"), in: queryDim, out: queryDim)
        self.heads = heads
        precision = w.precision
    }

    /// x [B, T, C], context [B, Tc, Cc] (nil: self-attention) → attention(x) + residual. The
    /// context's keys and values are projected once per `UNetTextContext`.
    func callAsFunction(_ x: Tensor, context: UNetTextContext?, residual: Tensor) -> Tensor {
        let (keys, values) = context?.keysAndValues(for: projectionKey) { (toK($0), toV($0)) } // [B, Tc, C] each
            ?? (toK(x), toV(x))                                  // [B, T, C] each
        let attended = Attention.multiHead(q: toQ(x), k: keys, v: values, heads: heads, precision: precision) // [B, T, C]
        return toOut(attended, residual: residual)               // [B, T, C]
    }
}
