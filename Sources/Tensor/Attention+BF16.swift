import CKernels

extension Attention {
    /// `multiHead` for `.tokensMajor` operands with both products in bf16 (fp32 sums): per
    /// batch item and head, Kᵀ and V are packed once into the GEMM's B panels; then per band
    /// of queries S = Q·Kᵀ, E = exp(scale·(S − rowmax)) in fp32, O = E·V, and
    /// O's rows divided by E's row sums. The same steps as the fp32 path, with the GEMMs of
    /// `BF16GEMM` (E is rounded to bf16 on its way into E·V, as PyTorch's bf16 autocast does).
    static func multiHeadBF16(q: Tensor, k: Tensor, v: Tensor, heads: Int, causal: Bool) -> Tensor {
        let (batch, tq, tk, headSize, scale, band) = plan(q: q, k: k, v: v, heads: heads, layout: .tokensMajor)
        let channels = q.shape[2]
        let out = Tensor(uninitialized: q.shape)
        let scores = Tensor(uninitialized: [band, tk])
        let keyWords = easel_bf16_packed_b_words(Int32(headSize), Int32(tk))
        let valueWords = easel_bf16_packed_b_words(Int32(tk), Int32(headSize))
        let packedKeys = UnsafeMutablePointer<UInt32>.allocate(capacity: keyWords)
        let packedValues = UnsafeMutablePointer<UInt32>.allocate(capacity: valueWords)
        defer { packedKeys.deallocate(); packedValues.deallocate() }
        var inverseSums = [Float](repeating: 0, count: band)
        for b in 0..<batch {
            for h in 0..<heads {
                let offset = b * tk * channels + h * headSize
                let qh = q.pointer + b * tq * channels + h * headSize
                let oh = out.pointer + b * tq * channels + h * headSize
                OpProfile.measure(.copy) {
                    // Kᵀ[d, t] = K[t, d] and V[t, d], both as B operands.
                    easel_bf16_pack_b(k.pointer + offset, 1, channels, Int32(headSize), Int32(tk), packedKeys)
                    easel_bf16_pack_b(v.pointer + offset, channels, 1, Int32(tk), Int32(headSize), packedValues)
                }
                var start = 0
                while start < tq {
                    let rows = min(band, tq - start)
                    BF16GEMM.multiply(m: rows, n: tk, k: headSize,
                                      a: .source(BF16GEMM.strided(qh + start * channels, strideK: 1, strideOther: channels)),
                                      b: .packedWords(packedKeys),
                                      into: scores.pointer, ldc: tk, accumulate: false, profileAs: .attentionGEMM)
                    inverseSums.withUnsafeMutableBufferPointer { sums in
                        OpProfile.measure(.softmax) {
                            exponentiateRows(scores.pointer, rows: rows, width: tk, causalOffset: causal ? start : nil,
                                             inverseSums: sums.baseAddress!, scale: scale)
                        }
                        BF16GEMM.multiply(m: rows, n: headSize, k: tk,
                                          a: .source(BF16GEMM.strided(scores.pointer, strideK: 1, strideOther: tk)),
                                          b: .packedWords(packedValues),
                                          into: oh + start * channels, ldc: channels, accumulate: false,
                                          profileAs: .attentionGEMM)
                        OpProfile.measure(.softmax) {
                            scaleRows(MatrixView(oh + start * channels, rows: rows, cols: headSize, leading: channels),
                                      by: sums.baseAddress!)
                        }
                    }
                    start += rows
                }
            }
        }
        return out
    }
}
