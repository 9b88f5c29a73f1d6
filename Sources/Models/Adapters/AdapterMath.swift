import Tensor

/// The products the adapter formats are built from, in fp32 (the fixtures merge in fp32; an
/// fp16 merge would differ by more than their tolerance).
enum AdapterMath {
    /// a [m, k] · b [k, n] → [m, n] (OpenBLAS).
    static func matmul(_ a: Tensor, _ b: Tensor, m: Int, k: Int, n: Int) -> Tensor {
        precondition(a.count == m * k && b.count == k * n, "matmul \(a.shape)·\(b.shape) as \(m)x\(k)·\(k)x\(n)")
        let out = Tensor(zeros: [m, n])
        BLAS.gemm(MatrixView(a.pointer, rows: m, cols: k), MatrixView(b.pointer, rows: k, cols: n),
                  into: MatrixView(out.pointer, rows: m, cols: n))
        return out
    }

    /// `einsum('i j k l, j r, i p -> p r k l', t, wb, wa)`: t [R1, R2, kh, kw], wb [R2, Q],
    /// wa [R1, P] → [P, Q, kh, kw]. The Tucker (CP) rebuild of LoHa and LoKr factors.
    /// Source: ComfyUI `comfy/weight_adapter/loha.py` and `lokr.py` (`calculate_weight`),
    /// A1111 `extensions-builtin/Lora/lyco_helpers.py` `make_weight_cp`.
    static func tucker(_ t: Tensor, _ wb: Tensor, _ wa: Tensor) -> Tensor {
        let (r1, r2, kh, kw) = (t.shape[0], t.shape[1], t.shape[2], t.shape[3])
        let q = wb.count / r2, p = wa.count / r1, plane = kh * kw
        // u[i, kl, r] = Σ_j t[i, j, kl] · wb[j, r]: per i, tᵢ [R2, kl]ᵀ · wb [R2, Q]
        let u = Tensor(zeros: [r1, plane, q])
        for i in 0..<r1 {
            BLAS.gemm(MatrixView(t.pointer + i * r2 * plane, rows: r2, cols: plane).transposed,
                      MatrixView(wb.pointer, rows: r2, cols: q), into: MatrixView(u.pointer + i * plane * q, rows: plane, cols: q))
        }
        // v[p, kl·r] = Σ_i wa[i, p] · u[i, kl·r]
        let v = Tensor(zeros: [p, plane * q])
        BLAS.gemm(MatrixView(wa.pointer, rows: r1, cols: p).transposed, MatrixView(u.pointer, rows: r1, cols: plane * q),
                  into: MatrixView(v.pointer, rows: p, cols: plane * q))
        // out[p, r, kl] = v[p, kl, r]
        let out = Tensor(zeros: [p, q, kh, kw])
        for pi in 0..<p {
            for kl in 0..<plane {
                for r in 0..<q { out.pointer[(pi * q + r) * plane + kl] = v.pointer[(pi * plane + kl) * q + r] }
            }
        }
        return out
    }

    /// `torch.kron(a, b)` for tensors of equal rank: shape aᵢ·bᵢ per axis,
    /// out[i·B + j] = a[i]·b[j] axis by axis.
    static func kron(_ a: Tensor, _ b: Tensor) -> Tensor {
        precondition(a.shape.count == b.shape.count, "kron of \(a.shape) and \(b.shape)")
        let rank = a.shape.count
        let shape = zip(a.shape, b.shape).map { $0 * $1 }
        let out = Tensor(zeros: shape)
        var outStrides = [Int](repeating: 1, count: rank)
        for axis in stride(from: rank - 2, through: 0, by: -1) { outStrides[axis] = outStrides[axis + 1] * shape[axis + 1] }
        var ai = [Int](repeating: 0, count: rank)
        for aFlat in 0..<a.count {
            let av = a.pointer[aFlat]
            var bi = [Int](repeating: 0, count: rank)
            for bFlat in 0..<b.count {
                var o = 0
                for axis in 0..<rank { o += (ai[axis] * b.shape[axis] + bi[axis]) * outStrides[axis] }
                out.pointer[o] = av * b.pointer[bFlat]
                increment(&bi, b.shape)
            }
            increment(&ai, a.shape)
        }
        return out
    }

    private static func increment(_ index: inout [Int], _ shape: [Int]) {
        for axis in stride(from: index.count - 1, through: 0, by: -1) {
            index[axis] += 1
            if index[axis] < shape[axis] { return }
            index[axis] = 0
        }
    }
}
