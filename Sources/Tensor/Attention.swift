import Foundation
import CKernels

/// How an attention operand is laid out in memory.
public enum TokenLayout: Sendable {
    /// [B, T, C]: one row of C features per token (transformer blocks).
    case tokensMajor
    /// [B, C, T]: one row of T positions per channel (the VAE's NCHW attention).
    case channelsMajor
}

/// Scaled dot-product attention as batched GEMM with a fused softmax: for each batch item,
/// head and band of queries, S = scale·Q·Kᵀ (one GEMM), E = exp(S − rowmax) in place, O = E·V
/// (one GEMM), and O's rows divided by E's row sums (cheaper than normalising E: a row of O
/// has head-size entries, a row of E has one per key). Heads are strided views into the projections, so nothing is transposed or
/// copied. The score band is limited to `Attention.scoreBudget` floats, so a 4096-token
/// self-attention never holds the full 4096×4096 matrix per head.
/// Reference: PyTorch `F.scaled_dot_product_attention` (LDM `CrossAttention.forward`,
/// transformers `CLIPAttention`), scale 1/√(head size).
public enum Attention {
    /// Largest score band, in floats (4 MB: 256 query rows against 4096 keys, which measured
    /// fastest for both GEMMs with head size 40 on this machine's OpenBLAS).
    /// `EASEL_ATTENTION_BAND` (floats) overrides it, for `easel-bench --only attention`.
    static let scoreBudget = ProcessInfo.processInfo.environment["EASEL_ATTENTION_BAND"].flatMap(Int.init)
        .map { max(1024, $0) } ?? 1 << 20

    static let hasAVX512 = easel_cpu_has_avx512f() != 0
    static let hasAVX2 = easel_cpu_has_avx2_fma() != 0

    /// q [B, Tq, C] and k, v [B, Tk, C] (or [B, C, T] for `.channelsMajor`), C split into
    /// `heads` heads; `causal` hides keys after each query (CLIP's mask). Returns the output in
    /// the layout of q.
    /// `precision` bf16 multiplies in bf16 (`multiHeadBF16`) for `.tokensMajor` operands.
    public static func multiHead(q: Tensor, k: Tensor, v: Tensor, heads: Int, layout: TokenLayout = .tokensMajor,
                                 causal: Bool = false, precision: Precision = .fp32) -> Tensor {
        if Precision.resolve(precision) == .bf16 && layout == .tokensMajor {
            return multiHeadBF16(q: q, k: k, v: v, heads: heads, causal: causal)
        }
        let (batch, tq, tk, headSize, scale, band) = plan(q: q, k: k, v: v, heads: heads, layout: layout)
        let out = Tensor(uninitialized: q.shape)
        let scores = Tensor(uninitialized: [band, tk])
        var inverseSums = [Float](repeating: 0, count: band)
        for b in 0..<batch {
            for h in 0..<heads {
                let qh = headView(q, b, h, headSize, layout)
                let kh = headView(k, b, h, headSize, layout)
                let vh = headView(v, b, h, headSize, layout)
                let oh = headView(out, b, h, headSize, layout)
                var start = 0
                while start < tq {
                    let rows = min(band, tq - start)
                    let s = MatrixView(scores.pointer, rows: rows, cols: tk)
                    BLAS.gemm(qh.rows(start, rows), kh.transposed, into: s, alpha: scale, profileAs: .attentionGEMM)
                    inverseSums.withUnsafeMutableBufferPointer { sums in
                        OpProfile.measure(.softmax) {
                            exponentiateRows(scores.pointer, rows: rows, width: tk, causalOffset: causal ? start : nil,
                                             inverseSums: sums.baseAddress!)
                        }
                        BLAS.gemm(s, vh, into: oh.rows(start, rows), profileAs: .attentionGEMM)
                        OpProfile.measure(.softmax) { scaleRows(oh.rows(start, rows), by: sums.baseAddress!) }
                    }
                    start += rows
                }
            }
        }
        return out
    }

    /// Checked sizes of one attention call: batch, query and key counts, head size, the
    /// 1/√(head size) scale and the query band that keeps the score block within `scoreBudget`.
    static func plan(q: Tensor, k: Tensor, v: Tensor, heads: Int, layout: TokenLayout)
        -> (batch: Int, tq: Int, tk: Int, headSize: Int, scale: Float, band: Int) {
        let batch = q.shape[0]
        let (tq, channels) = tokensAndChannels(q, layout)
        let (tk, kChannels) = tokensAndChannels(k, layout)
        precondition(kChannels == channels && v.shape == k.shape && k.shape[0] == batch,
                     "attention: q \(q.shape), k \(k.shape), v \(v.shape)")
        precondition(channels % heads == 0, "attention: \(channels) channels in \(heads) heads")
        let headSize = channels / heads
        return (batch, tq, tk, headSize, 1 / Float(headSize).squareRoot(), max(1, min(tq, scoreBudget / max(tk, 1))))
    }

    private static func tokensAndChannels(_ t: Tensor, _ layout: TokenLayout) -> (Int, Int) {
        precondition(t.shape.count == 3, "attention operands are rank 3, got \(t.shape)")
        return layout == .tokensMajor ? (t.shape[1], t.shape[2]) : (t.shape[2], t.shape[1])
    }

    /// The [T, headSize] matrix of head h in batch item b.
    private static func headView(_ t: Tensor, _ b: Int, _ h: Int, _ headSize: Int, _ layout: TokenLayout) -> MatrixView {
        let (tokens, channels) = tokensAndChannels(t, layout)
        let item = t.pointer + b * tokens * channels
        switch layout {
        case .tokensMajor:
            return MatrixView(item + h * headSize, rows: tokens, cols: headSize, leading: channels)
        case .channelsMajor:
            return MatrixView(item + h * headSize * tokens, rows: tokens, cols: headSize, leading: tokens,
                              transposed: true)
        }
    }

    /// Row i becomes exp(scale·(row − max(row))) in place and inverseSums[i] = 1 / Σ of it
    /// (scale > 0, so the maximum of the scaled row is the scaled maximum). With
    /// `causalOffset` o, row i keeps only columns 0...o+i and the rest become 0 (the −∞ mask
    /// of a causal model). With the division by the sum this is a row softmax.
    static func exponentiateRows(_ p: UnsafeMutablePointer<Float>, rows: Int, width: Int, causalOffset: Int?,
                                 inverseSums: UnsafeMutablePointer<Float>, scale: Float = 1) {
        Parallel.forEachRange(rows, floatsPerItem: width) { range in
            for r in range {
                let valid = causalOffset.map { min(width, $0 + r + 1) } ?? width
                inverseSums[r] = exponentiateRow(p + r * width, valid: valid, width: width, scale: scale)
            }
        }
    }

    /// One row of `exponentiateRows`: the first `valid` entries become exp(scale·(x − max)),
    /// the rest 0; returns 1 / Σ.
    /// Uses the AVX-512F or the AVX2 kernel (`CKernels/softmax_exp.c`, the same Cephes method)
    /// where the CPU has one: the Swift SIMD version below measured several times slower in place.
    @inline(__always)
    static func exponentiateRow(_ row: UnsafeMutablePointer<Float>, valid: Int, width: Int, scale: Float) -> Float {
        if hasAVX512 { return easel_softmax_exp_row(row, Int32(valid), Int32(width), scale) }
        if hasAVX2 { return easel_softmax_exp_row_avx2(row, Int32(valid), Int32(width), scale) }
        let factor = Float16Lanes(repeating: scale)
        let m = Float16Lanes(repeating: Reduction.max(row, valid))
        var sum = Float16Lanes.zero
        var i = 0
        while i + 16 <= valid {
            let e = VectorMath.exp((VectorMath.load(row + i) - m) * factor)
            VectorMath.store(e, row + i)
            sum += e
            i += 16
        }
        if i < valid {
            let e = VectorMath.exp((VectorMath.loadPartial(row + i, valid - i, fill: -.infinity) - m) * factor)
            VectorMath.storePartial(e, row + i, valid - i)
            for lane in 0..<(valid - i) { sum[lane] += e[lane] }
        }
        if valid < width { (row + valid).initialize(repeating: 0, count: width - valid) }
        return 1 / sum.sum()
    }

    /// Multiplies row i of `m` by factors[i].
    static func scaleRows(_ m: MatrixView, by factors: UnsafeMutablePointer<Float>) {
        if m.isTransposed {
            // Row i is column i of the stored matrix: scale each stored row elementwise.
            Parallel.forEachRange(m.cols, floatsPerItem: m.rows) { range in
                for c in range {
                    let line = m.base + c * m.leading
                    Tensor.combineSerial(line, factors, line, m.rows) { $0 * $1 }
                }
            }
        } else {
            for r in 0..<m.rows {
                let line = m.base + r * m.leading, f = Float16Lanes(repeating: factors[r])
                VectorMath.map(line, line, m.cols) { $0 * f }
            }
        }
    }
}

extension MatrixView {
    /// Rows start..<start+count of this matrix.
    func rows(_ start: Int, _ count: Int) -> MatrixView {
        MatrixView(isTransposed ? base + start : base + start * leading,
                   rows: count, cols: cols, leading: leading, transposed: isTransposed)
    }
}
