import CBLAS
import Foundation

/// A strided fp32 matrix for GEMM. Row-major views keep element (i, j) at
/// `base[i * leading + j]`; transposed views keep it at `base[j * leading + i]`.
public struct MatrixView {
    public var base: UnsafeMutablePointer<Float>
    public var rows: Int
    public var cols: Int
    public var leading: Int
    public var isTransposed: Bool

    public init(_ base: UnsafeMutablePointer<Float>, rows: Int, cols: Int,
                leading: Int? = nil, transposed: Bool = false) {
        self.base = base
        self.rows = rows
        self.cols = cols
        self.leading = leading ?? (transposed ? rows : cols)
        isTransposed = transposed
    }

    /// The same memory read as the transpose.
    public var transposed: MatrixView {
        MatrixView(base, rows: cols, cols: rows, leading: leading, transposed: !isTransposed)
    }
}

/// OpenBLAS access. GEMM is always called from the calling thread and OpenBLAS threads it
/// over the cores itself; concurrent single-threaded calls from several threads measured no
/// faster with this OpenBLAS (0.3.21), so the rest of the engine never calls BLAS from inside
/// `Parallel` loops.
public enum BLAS {
    private static let configured: Void = {
        openblas_set_num_threads(Int32(Parallel.workerCount))
    }()

    /// The OpenBLAS kernel family in use (for example "Haswell" or "SkylakeX").
    public static var coreName: String {
        _ = configured
        return String(cString: openblas_get_corename())
    }

    /// OpenBLAS kernel families that use AVX-512.
    static let avx512Cores: Set<String> = ["SkylakeX", "Cooperlake", "SapphireRapids"]

    /// A one-line note when the environment's `OPENBLAS_CORETYPE` holds OpenBLAS to kernels
    /// older than this CPU (for example "Haswell", AVX2, on an AVX-512 CPU), which makes fp32
    /// work 1.5–2× slower (BENCHMARKS.md); nil otherwise. Easel keeps the setting (it is the user's
    /// explicit choice) and says so instead. The bf16 mode uses OpenBLAS only for the VAE's
    /// single attention block, so it is hardly affected.
    public static var coreTypeNote: String? {
        guard let forced = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"], Attention.hasAVX512,
              !avx512Cores.contains(coreName) else { return nil }
        return "note: OPENBLAS_CORETYPE=\(forced) limits OpenBLAS to its \(coreName) kernels on this AVX-512 CPU; "
            + "fp32 (--precision fp32) runs 1.5–2× slower. Unset it for full speed."
    }

    /// `c = alpha · a · b + beta · c` through `cblas_sgemm`.
    public static func gemm(_ a: MatrixView, _ b: MatrixView, into c: MatrixView,
                            alpha: Float = 1, beta: Float = 0, profileAs kind: OpProfile.Kind = .linearGEMM) {
        precondition(a.rows == c.rows && b.cols == c.cols && a.cols == b.rows,
                     "gemm shapes \(a.rows)x\(a.cols) · \(b.rows)x\(b.cols) -> \(c.rows)x\(c.cols)")
        if c.isTransposed {
            // Cᵀ = Bᵀ · Aᵀ, so a transposed output becomes a row-major one.
            gemm(b.transposed, a.transposed, into: c.transposed, alpha: alpha, beta: beta, profileAs: kind)
            return
        }
        guard c.rows > 0, c.cols > 0 else { return }
        _ = configured
        let flops = 2 * Double(c.rows) * Double(c.cols) * Double(a.cols)
        OpProfile.measure(kind, flops: flops) {
            cblas_sgemm(CblasRowMajor,
                        a.isTransposed ? CblasTrans : CblasNoTrans,
                        b.isTransposed ? CblasTrans : CblasNoTrans,
                        Int32(c.rows), Int32(c.cols), Int32(a.cols),
                        alpha, a.base, Int32(a.leading), b.base, Int32(b.leading),
                        beta, c.base, Int32(c.leading))
        }
    }
}
