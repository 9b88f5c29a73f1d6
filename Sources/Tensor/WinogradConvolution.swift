import CKernels
import Foundation

/// Stride-1, padding-1 3×3 convolutions by Winograd's F(4×4, 3×3): each 4×4 output tile costs
/// 36 multiplications per channel pair instead of 144, as 36 GEMMs [Cout, Cin] × [Cin, tiles]
/// between an input transform and an output transform (C kernels in `winograd.c`).
/// Reference: Lavin & Gray, "Fast Algorithms for Convolutional Neural Networks" (CVPR 2016);
/// the transform matrices are listed in `winograd.c`.
///
/// Used for the large convolutions in the precise (fp32) mode, and for the VAE's in the fast
/// mode (its bf16 weights widened back to fp32); the transforms add a rounding error of about
/// 1e-5 of the largest output (measured in `WinogradConvolutionTests`).
public enum Winograd {
    /// Transformed-input floats per band of tile rows (32 MB): bands keep the two transformed
    /// buffers bounded however large the image is. Half of it (16 MB) saved 40 MB of peak
    /// memory but made the GEMMs narrower and the VAE's convolutions up to 1.5× slower.
    static let bandBudget = 8 << 20
    /// Smallest output size (pixels over the whole batch) and channel counts that take this
    /// path. Below them the 36 GEMMs are too narrow: measured with `easel-bench --only conv`,
    /// 2 × 1280 channels at 16² (512 pixels) ran 1.04× im2col's time, 2 × 640 at 32² 0.58×.
    nonisolated(unsafe) static var minimumPixels = 1024
    nonisolated(unsafe) static var minimumChannels = 64

    /// Runs `body` with every stride-1, padding-1 3×3 convolution going through Winograd,
    /// however small (tests use it to check whole tiny models against their references).
    /// Not thread-safe: nothing else may convolve meanwhile.
    public static func forEveryEligibleConvolution<T>(_ body: () throws -> T) rethrows -> T {
        let saved = (minimumPixels, minimumChannels, minimumPixelsWithBF16Weights)
        (minimumPixels, minimumChannels, minimumPixelsWithBF16Weights) = (1, 1, 1)
        defer { (minimumPixels, minimumChannels, minimumPixelsWithBF16Weights) = saved }
        return try body()
    }

    /// False when the environment sets `EASEL_WINOGRAD=0`: every convolution then goes through
    /// im2col (for side-by-side benchmarks of the two).
    public static let isEnabled = ProcessInfo.processInfo.environment["EASEL_WINOGRAD"] != "0"

    /// Whether the fast mode's bf16 convolutions take this path too (with their weights widened
    /// to fp32) where `appliesWithBF16Weights`. `EASEL_WINOGRAD_BF16=0` turns that off for
    /// comparisons.
    public static let usesWithBF16Weights = isEnabled
        && ProcessInfo.processInfo.environment["EASEL_WINOGRAD_BF16"] != "0"

    /// Smallest output size (pixels over the batch) at which fp32 Winograd beats the bf16 GEMM
    /// (`easel-bench --only conv`, quiet machine): the VAE's 512→512 at 128² 76 ms against 90,
    /// 256→256 at 512² 308 against 510; but the UNet's 2 × 320 at 64² (8,192 pixels) 23 ms
    /// against 19, and 2 × 640 at 32² 25 against 18.
    nonisolated(unsafe) static var minimumPixelsWithBF16Weights = 128 * 128

    /// True when a convolution with bf16 weights goes through (fp32) Winograd.
    static func appliesWithBF16Weights(to g: ConvGeometry, batch: Int, inputChannels cin: Int,
                                       outputChannels cout: Int) -> Bool {
        usesWithBF16Weights && batch * g.outHeight * g.outWidth >= minimumPixelsWithBF16Weights
            && applies(to: g, batch: batch, inputChannels: cin, outputChannels: cout)
    }

    /// True when a convolution with this geometry and these channel counts uses Winograd.
    static func applies(to g: ConvGeometry, batch: Int, inputChannels cin: Int, outputChannels cout: Int) -> Bool {
        isEnabled && g.kernel == (3, 3) && g.stride == 1 && g.padding == .uniform(1)
            && batch * g.outHeight * g.outWidth >= minimumPixels && min(cin, cout) >= minimumChannels
    }

    private static let workspaceLock = NSLock()
    nonisolated(unsafe) private static var workspace: TensorStorage?

    /// Memory for the transformed filters, inputs and products: the buffer kept from the last
    /// convolution when it is large enough, else a new one. Reusing it spares each of a
    /// decoder's thirty convolutions mapping (and the kernel zeroing) up to 100 MB.
    static func checkOutWorkspace(floats: Int) -> TensorStorage {
        workspaceLock.lock(); defer { workspaceLock.unlock() }
        if let kept = workspace, kept.count >= floats {
            workspace = nil
            return kept
        }
        return TensorStorage(uninitializedCount: floats)
    }

    /// Keeps `storage` for the next convolution (the larger one when one is already kept).
    static func checkInWorkspace(_ storage: TensorStorage) {
        workspaceLock.lock(); defer { workspaceLock.unlock() }
        if (workspace?.count ?? 0) < storage.count { workspace = storage }
    }

    /// Frees the kept workspace (models call this when a forward pass or a generation ends).
    public static func releaseWorkspace() {
        workspaceLock.lock(); defer { workspaceLock.unlock() }
        workspace = nil
    }

    /// Output tile rows per band: as many as fit `bandBudget`, evened out across bands.
    static func bandTileRows(tilesHigh: Int, tilesWide: Int, channels: Int, budget: Int = bandBudget) -> Int {
        let fitting = max(1, min(tilesHigh, budget / (36 * channels * tilesWide)))
        let bands = (tilesHigh + fitting - 1) / fitting
        return (tilesHigh + bands - 1) / bands
    }
}

extension Tensor {
    /// self [B, Cin, H, W] ⊛ weight [Cout, Cin, 3, 3] (stride 1, padding 1) + epilogue, into
    /// `out` [B, Cout, H, W], by Winograd F(4×4, 3×3) a band of tile rows at a time (bands of
    /// about `bandBudget` transformed floats; tests use small ones).
    func convolveWinograd(weight: WinogradFilter, epilogue: ConvEpilogue, into out: Tensor,
                          bandBudget: Int = Winograd.bandBudget) {
        let (batch, cin, height, width) = (shape[0], shape[1], shape[2], shape[3])
        let cout = weight.outputs
        let tilesHigh = (height + 3) / 4, tilesWide = (width + 3) / 4
        // A band holds the same tile rows of every batch item side by side (item b's tiles from
        // column b·tiles), so the GEMMs get batch× more columns.
        let bandRows = Winograd.bandTileRows(tilesHigh: tilesHigh, tilesWide: batch * tilesWide,
                                               channels: max(cin, cout), budget: bandBudget)
        let columns = batch * bandRows * tilesWide
        let widened = weight.isBF16 ? cout * cin * 9 : 0
        let storage = Winograd.checkOutWorkspace(floats: 36 * (cout * cin + (cin + cout) * columns) + widened)
        defer { Winograd.checkInWorkspace(storage) }
        let filters = storage.base                                   // U = G g Gᵀ: [36, Cout, Cin]
        let inputs = filters + 36 * cout * cin                       // V = Bᵀ d B: [36, Cin, B·tiles]
        let products = inputs + 36 * cin * columns                   // M = U V:    [36, Cout, B·tiles]
        let g = weight.fp32Pointer(scratch: products + 36 * cout * columns) // [Cout, Cin, 3, 3]
        OpProfile.measure(.winogradTransform) {
            Parallel.forEachRange(cout, minimumPerWorker: 16) { range in
                easel_winograd43_filter(g, Int32(cout), Int32(cin), Int32(range.lowerBound),
                                        Int32(range.upperBound), filters, cout * cin)
            }
        }
        for ty0 in stride(from: 0, to: tilesHigh, by: bandRows) {
            let ty1 = min(tilesHigh, ty0 + bandRows), tiles = (ty1 - ty0) * tilesWide, n = batch * tiles
            OpProfile.measure(.winogradTransform) {
                Parallel.forEachRange(cin, minimumPerWorker: 4) { range in
                    Self.withWinogradScratch(Int(easel_winograd43_scratch_floats(Int32(tilesWide)))) { scratch in
                        for b in 0..<batch {
                            easel_winograd43_input(pointer + b * cin * height * width, Int32(height), Int32(width),
                                                   Int32(tilesWide), Int32(ty0), Int32(ty1), Int32(range.lowerBound),
                                                   Int32(range.upperBound), inputs + b * tiles, cin * n, n, scratch)
                        }
                    }
                }
            }
            for xi in 0..<36 {
                BLAS.gemm(MatrixView(filters + xi * cout * cin, rows: cout, cols: cin),
                          MatrixView(inputs + xi * cin * n, rows: cin, cols: n),
                          into: MatrixView(products + xi * cout * n, rows: cout, cols: n), profileAs: .convolutionGEMM)
            }
            OpProfile.measure(.winogradTransform) {
                Parallel.forEachRange(cout, minimumPerWorker: 4) { range in
                    Self.withWinogradScratch(Int(easel_winograd43_output_scratch_floats(Int32(tilesWide)))) { s in
                        for b in 0..<batch {
                            easel_winograd43_output(products + b * tiles, cout * n, n, Int32(height), Int32(width),
                                                    Int32(tilesWide), Int32(ty0), Int32(ty1), Int32(range.lowerBound),
                                                    Int32(range.upperBound), epilogue.biasRow(b),
                                                    epilogue.residualBand(b, 0), out.pointer + b * cout * height * width,
                                                    s)
                        }
                    }
                }
            }
        }
    }

    /// Runs `body` with `count` floats of per-thread scratch (a few KB per row of tiles).
    private static func withWinogradScratch(_ count: Int, _ body: (UnsafeMutablePointer<Float>) -> Void) {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: count) { body($0.baseAddress!) }
    }
}
