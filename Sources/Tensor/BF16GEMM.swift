import CKernels

/// Calls into the bf16 GEMM (`CKernels/bf16_gemm.c`), split over the cores: by column panels
/// when there are enough columns, else by row panels. Each worker packs its own share of the
/// on-the-fly operand, so the split needs no synchronisation.
enum BF16GEMM {
    /// An operand: packed weights or fp32 memory read while multiplying.
    enum Operand {
        case packed(BF16Panels)
        /// Panels packed by the caller (for example one attention head's keys), in the A or B
        /// layout the operand's position needs.
        case packedWords(UnsafePointer<UInt32>)
        case source(EaselSource)
    }

    /// A strided fp32 matrix: element (k, i) at base[k·strideK + i·strideOther].
    static func strided(_ base: UnsafePointer<Float>, strideK: Int, strideOther: Int) -> EaselSource {
        var s = EaselSource()
        s.data = base
        s.stride_k = strideK
        s.stride_other = strideOther
        return s
    }

    /// Pieces of work per core in one product, handed out dynamically (`Parallel.forEachChunk`).
    static let chunksPerWorker = 4
    /// Narrowest chunk, in panels (8 × 64 columns or 8 × 6 rows).
    static let minimumChunkPanels = 8

    /// C[m, n] (+)= A[m, k]·B[k, n], C(m, n) at c[m·ldc + n].
    static func multiply(m: Int, n: Int, k: Int, a: Operand, b: Operand,
                         into c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool,
                         profileAs kind: OpProfile.Kind) {
        guard m > 0, n > 0 else { return }
        let mr = Int(EASEL_BF16_MR), nr = Int(EASEL_BF16_NR)
        let columnPanels = (n + nr - 1) / nr, rowPanels = (m + mr - 1) / mr
        let workers = Parallel.workerCount
        // Split the operand packed on the fly, so no worker repeats another's packing.
        let splitColumns: Bool
        switch (a, b) {
        case (.source, .packed), (.source, .packedWords):
            splitColumns = rowPanels < 2 * workers && columnPanels > rowPanels
        case (.packed, .source), (.packedWords, .source):
            splitColumns = !(columnPanels < 2 * workers && rowPanels > columnPanels)
        default: splitColumns = columnPanels > rowPanels
        }
        if !splitColumns, case .packed = a, case let .source(source) = b, rowPanels >= 2 * workers {
            // The rows are split, so every chunk would pack all of B again (the implicit im2col
            // of a convolution with few output pixels: 1280 channels on 8×8, say). Pack it once.
            multiplyPackingBOnce(m: m, n: n, k: k, a: a, b: source, into: c, ldc: ldc, accumulate: accumulate,
                                 profileAs: kind)
            return
        }
        OpProfile.measure(kind, flops: 2 * Double(m) * Double(n) * Double(k)) {
            let panels = splitColumns ? columnPanels : rowPanels
            // Each chunk streams the whole packed operand once, so chunks stay at least
            // `minimumChunkPanels` wide (but there are always as many as workers).
            let chunks = max(workers, min(chunksPerWorker * workers, panels / minimumChunkPanels))
            Parallel.forEachChunk(panels, chunks: chunks) { panels in
                let (m0, m1, n0, n1) = splitColumns
                    ? (0, m, panels.lowerBound * nr, min(n, panels.upperBound * nr))
                    : (panels.lowerBound * mr, min(m, panels.upperBound * mr), 0, n)
                call(m: m, n: n, k: k, a: a, b: b, m0: m0, m1: m1, n0: n0, n1: n1, c: c, ldc: ldc,
                     accumulate: accumulate)
            }
        }
    }

    /// `multiply` with B packed in full first (its column panels shared out between the
    /// workers), then the rows split with B packed.
    private static func multiplyPackingBOnce(m: Int, n: Int, k: Int, a: Operand, b source: EaselSource,
                                             into c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool,
                                             profileAs kind: OpProfile.Kind) {
        let nr = Int(EASEL_BF16_NR)
        let words = UnsafeMutablePointer<UInt32>.allocate(capacity: max(1, Int(easel_bf16_packed_b_words(Int32(k), Int32(n)))))
        defer { words.deallocate() }
        let columnPanels = (n + nr - 1) / nr
        var source = source
        withUnsafePointer(to: &source) { s in
            Parallel.forEachChunk(columnPanels, chunks: Parallel.workerCount) { panels in
                easel_bf16_pack_b_source(s, Int32(k), Int32(n), Int32(panels.lowerBound * nr),
                                         Int32(min(n, panels.upperBound * nr)), words)
            }
        }
        multiply(m: m, n: n, k: k, a: a, b: .packedWords(UnsafePointer(words)), into: c, ldc: ldc,
                 accumulate: accumulate, profileAs: kind)
    }

    private static func call(m: Int, n: Int, k: Int, a: Operand, b: Operand, m0: Int, m1: Int, n0: Int, n1: Int,
                             c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool) {
        withOperand(a) { aPacked, aSource in
            withOperand(b) { bPacked, bSource in
                easel_bf16_gemm(Int32(m), Int32(n), Int32(k), aPacked, aSource, bPacked, bSource,
                                Int32(m0), Int32(m1), Int32(n0), Int32(n1), c, ldc, accumulate ? 1 : 0)
            }
        }
    }

    private static func withOperand(_ operand: Operand,
                                    _ body: (UnsafePointer<UInt32>?, UnsafePointer<EaselSource>?) -> Void) {
        switch operand {
        case let .packed(panels):
            body(panels.words, nil)
            withExtendedLifetime(panels) {}
        case let .packedWords(words):
            body(words, nil)
        case var .source(source):
            withUnsafePointer(to: &source) { body(nil, $0) }
        }
    }
}
