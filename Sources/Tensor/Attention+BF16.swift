import CKernels

extension Attention {
    /// Query rows per work item of the bf16 attention: a 32 × 4096 score block (512 KiB) stays
    /// in the 1 MiB L2 cache between the score product, the exponentials and E·V.
    static let bf16BandRows = 32

    /// `multiHead` for `.tokensMajor` operands with both products in bf16 (fp32 sums). Kᵀ and V
    /// of every (batch item, head) are packed once into the GEMM's B panels; then work items
    /// (item, head, band of 32 queries) are spread over the cores, each running single-threaded
    /// S = Q·Kᵀ, E = exp(scale·(S − rowmax)) in fp32, O = E·V and O's rows divided by E's row
    /// sums, with its score block in cache. The same arithmetic as the fp32 path, with E rounded
    /// to bf16 on its way into E·V (as PyTorch's bf16 autocast does).
    static func multiHeadBF16(q: Tensor, k: Tensor, v: Tensor, heads: Int, causal: Bool) -> Tensor {
        let (batch, tq, tk, headSize, scale, _) = plan(q: q, k: k, v: v, heads: heads, layout: .tokensMajor)
        let channels = q.shape[2]
        let out = Tensor(uninitialized: q.shape)
        let keyWords = easel_bf16_packed_b_words(Int32(headSize), Int32(tk))
        let valueWords = easel_bf16_packed_b_words(Int32(tk), Int32(headSize))
        let pairs = batch * heads
        let packedKeys = UnsafeMutablePointer<UInt32>.allocate(capacity: keyWords * pairs)
        let packedValues = UnsafeMutablePointer<UInt32>.allocate(capacity: valueWords * pairs)
        defer { packedKeys.deallocate(); packedValues.deallocate() }
        OpProfile.measure(.copy) {
            // Kᵀ[d, t] = K[t, d] and V[t, d] of each head, as B operands.
            Parallel.forEach(pairs) { index in
                let offset = (index / heads) * tk * channels + (index % heads) * headSize
                easel_bf16_pack_b(k.pointer + offset, 1, channels, Int32(headSize), Int32(tk),
                                  packedKeys + index * keyWords)
                easel_bf16_pack_b(v.pointer + offset, channels, 1, Int32(tk), Int32(headSize),
                                  packedValues + index * valueWords)
            }
        }
        let band = min(bf16BandRows, tq)
        let bands = (tq + band - 1) / band
        OpProfile.measure(.attentionGEMM, flops: 4 * Double(batch * heads) * Double(tq) * Double(tk) * Double(headSize)) {
            Parallel.forEachChunk(pairs * bands, chunks: 8 * Parallel.workerCount) { items in
                let scores = UnsafeMutablePointer<Float>.allocate(capacity: band * (tk + 1)), sums = scores + band * tk
                defer { scores.deallocate() }
                for item in items {
                    let index = item / bands, start = (item % bands) * band
                    let rows = min(band, tq - start)
                    let (b, h) = (index / heads, index % heads)
                    let qRows = q.pointer + (b * tq + start) * channels + h * headSize
                    let oRows = out.pointer + (b * tq + start) * channels + h * headSize
                    var qSource = BF16GEMM.strided(qRows, strideK: 1, strideOther: channels)
                    easel_bf16_gemm(Int32(rows), Int32(tk), Int32(headSize), nil, &qSource,
                                    packedKeys + index * keyWords, nil, 0, Int32(rows), 0, Int32(tk), scores, tk, 0)
                    for r in 0..<rows {
                        let valid = causal ? min(tk, start + r + 1) : tk
                        sums[r] = exponentiateRow(scores + r * tk, valid: valid, width: tk, scale: scale)
                    }
                    var eSource = BF16GEMM.strided(scores, strideK: 1, strideOther: tk)
                    easel_bf16_gemm(Int32(rows), Int32(headSize), Int32(tk), nil, &eSource,
                                    packedValues + index * valueWords, nil, 0, Int32(rows), 0, Int32(headSize),
                                    oRows, channels, 0)
                    for r in 0..<rows {
                        let line = oRows + r * channels, f = Float16Lanes(repeating: sums[r])
                        VectorMath.map(line, line, headSize) { $0 * f }
                    }
                }
            }
        }
        return out
    }
}
