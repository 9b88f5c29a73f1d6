/// C = A·B for an A with few rows (a convolution with 3 or 4 output channels, such as the
/// VAE's and the UNet's last conv). OpenBLAS runs such shapes at a few GFLOP/s because its
/// kernels are built for wide tiles; here each group of 4 rows of C is accumulated over 64
/// columns at a time in registers while B streams through once per group.
enum FewRowsGEMM {
    /// Largest row count this kernel is used for.
    static let maximumRows = 8

    /// c[r, j] = Σₖ a[r, k]·b[k, j] for r < rows ≤ 8, j < cols; a [rows, k] contiguous,
    /// b rows `ldb` apart, c rows `ldc` apart.
    static func multiply(_ a: UnsafePointer<Float>, rows: Int, depth k: Int,
                         _ b: UnsafePointer<Float>, ldb: Int, cols: Int,
                         into c: UnsafeMutablePointer<Float>, ldc: Int) {
        precondition(rows <= maximumRows)
        // A padded to whole groups of 4 rows, so the inner loop needs no bounds checks.
        let groups = (rows + 3) / 4
        var padded = [Float](repeating: 0, count: groups * 4 * k)
        for r in 0..<rows { for j in 0..<k { padded[r * k + j] = a[r * k + j] } }
        padded.withUnsafeBufferPointer { weights in
            let w = weights.baseAddress!
            Parallel.forEachRange((cols + 63) / 64, minimumPerWorker: 4) { chunks in
                for chunk in chunks {
                    let first = chunk * 64, width = min(64, cols - first)
                    for g in 0..<groups {
                        if width == 64 {
                            accumulate64(w + g * 4 * k, k, b + first, ldb, c + g * 4 * ldc + first, ldc,
                                         rows: min(4, rows - g * 4))
                        } else {
                            accumulateScalar(w + g * 4 * k, k, b + first, ldb, c + g * 4 * ldc + first, ldc,
                                             rows: min(4, rows - g * 4), width: width)
                        }
                    }
                }
            }
        }
    }

    /// Four rows of A against 64 columns of B, sixteen accumulators of sixteen lanes.
    @inline(__always)
    private static func accumulate64(_ w: UnsafePointer<Float>, _ k: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
                                     _ c: UnsafeMutablePointer<Float>, _ ldc: Int, rows: Int) {
        var acc = (Float16Lanes.zero, Float16Lanes.zero, Float16Lanes.zero, Float16Lanes.zero,
                   Float16Lanes.zero, Float16Lanes.zero, Float16Lanes.zero, Float16Lanes.zero,
                   Float16Lanes.zero, Float16Lanes.zero, Float16Lanes.zero, Float16Lanes.zero,
                   Float16Lanes.zero, Float16Lanes.zero, Float16Lanes.zero, Float16Lanes.zero)
        for j in 0..<k {
            let p = b + j * ldb
            let v0 = VectorMath.load(p), v1 = VectorMath.load(p + 16)
            let v2 = VectorMath.load(p + 32), v3 = VectorMath.load(p + 48)
            let w0 = Float16Lanes(repeating: w[j]), w1 = Float16Lanes(repeating: w[k + j])
            let w2 = Float16Lanes(repeating: w[2 * k + j]), w3 = Float16Lanes(repeating: w[3 * k + j])
            acc.0 += w0 * v0; acc.1 += w0 * v1; acc.2 += w0 * v2; acc.3 += w0 * v3
            acc.4 += w1 * v0; acc.5 += w1 * v1; acc.6 += w1 * v2; acc.7 += w1 * v3
            acc.8 += w2 * v0; acc.9 += w2 * v1; acc.10 += w2 * v2; acc.11 += w2 * v3
            acc.12 += w3 * v0; acc.13 += w3 * v1; acc.14 += w3 * v2; acc.15 += w3 * v3
        }
        @inline(__always) func put(_ r: Int, _ a: Float16Lanes, _ b: Float16Lanes, _ d: Float16Lanes, _ e: Float16Lanes) {
            guard r < rows else { return }
            let row = c + r * ldc
            VectorMath.store(a, row); VectorMath.store(b, row + 16)
            VectorMath.store(d, row + 32); VectorMath.store(e, row + 48)
        }
        put(0, acc.0, acc.1, acc.2, acc.3)
        put(1, acc.4, acc.5, acc.6, acc.7)
        put(2, acc.8, acc.9, acc.10, acc.11)
        put(3, acc.12, acc.13, acc.14, acc.15)
    }

    /// The same for a last chunk narrower than 64 columns.
    private static func accumulateScalar(_ w: UnsafePointer<Float>, _ k: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
                                         _ c: UnsafeMutablePointer<Float>, _ ldc: Int, rows: Int, width: Int) {
        for r in 0..<rows {
            let out = c + r * ldc
            out.initialize(repeating: 0, count: width)
            for j in 0..<k {
                let weight = w[r * k + j], line = b + j * ldb
                for x in 0..<width { out[x] += weight * line[x] }
            }
        }
    }
}
