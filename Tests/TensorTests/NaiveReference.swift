import Foundation
@testable import Tensor

/// Straightforward Double-precision loops that spell out each operation's definition, used as
/// independent references for the optimised kernels.
enum NaiveReference {
    /// Deterministic pseudo-random values in [-1, 1) (a 64-bit LCG; no Tensor code involved).
    static func values(_ count: Int, seed: UInt64) -> [Float] {
        var state = seed &* 6364136223846793005 &+ 1442695040888963407
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(Double(state >> 11) / Double(1 << 53) * 2 - 1)
        }
    }

    static func tensor(_ shape: [Int], seed: UInt64) -> Tensor {
        Tensor(shape: shape, values: values(shape.reduce(1, *), seed: seed))
    }

    /// out[b, o, y, x] = bias[o] + Σ in[b, c, y·s − top + i, x·s − left + j] · w[o, c, i, j].
    static func conv2d(_ x: Tensor, _ w: Tensor, _ bias: Tensor?, stride: Int, padding: Padding2D) -> [Double] {
        let (b, c, h, wd) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (o, kh, kw) = (w.shape[0], w.shape[2], w.shape[3])
        let ho = (h + padding.top + padding.bottom - kh) / stride + 1
        let wo = (wd + padding.left + padding.right - kw) / stride + 1
        let xv = x.values, wv = w.values, bv = bias?.values
        var out = [Double](repeating: 0, count: b * o * ho * wo)
        for n in 0..<b { for oc in 0..<o { for y in 0..<ho { for xx in 0..<wo {
            var acc = Double(bv?[oc] ?? 0)
            for ic in 0..<c { for i in 0..<kh { for j in 0..<kw {
                let iy = y * stride - padding.top + i, ix = xx * stride - padding.left + j
                guard iy >= 0, iy < h, ix >= 0, ix < wd else { continue }
                acc += Double(xv[((n * c + ic) * h + iy) * wd + ix]) * Double(wv[((oc * c + ic) * kh + i) * kw + j])
            }}}
            out[((n * o + oc) * ho + y) * wo + xx] = acc
        }}}}
        return out
    }

    /// Softmax attention for one head: q [Tq, d], k, v [Tk, d] as row-major arrays.
    static func attention(q: [Double], k: [Double], v: [Double], tq: Int, tk: Int, d: Int, causal: Bool) -> [Double] {
        var out = [Double](repeating: 0, count: tq * d)
        for i in 0..<tq {
            let keys = causal ? i + 1 : tk
            var s = (0..<keys).map { j in (0..<d).reduce(0.0) { $0 + q[i * d + $1] * k[j * d + $1] } / Double(d).squareRoot() }
            let m = s.max()!
            s = s.map { Foundation.exp($0 - m) }
            let total = s.reduce(0, +)
            for c in 0..<d { out[i * d + c] = (0..<keys).reduce(0.0) { $0 + s[$1] / total * v[$1 * d + c] } }
        }
        return out
    }

    /// Largest |a − b| over the arrays.
    static func maxDifference(_ a: [Float], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { max($0, abs(Double($1.0) - $1.1)) }
    }
}
