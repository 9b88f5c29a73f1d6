/// Resizing a latent [C, h, w] for the hires fix.
///
/// Ports of PyTorch `torch.nn.functional.interpolate` (`aten/src/ATen/native/UpSample.h`,
/// `area_pixel_compute_source_index` with `align_corners=False`, and `nearest_idx` /
/// `nearest_exact_idx`), as A1111's "Latent" (`mode="bilinear", antialias=False`) and
/// "Latent (nearest-exact)" upscalers call it.
enum LatentUpscale {
    /// Bilinear: source coordinate `(i + ½)·(in/out) − ½`, clamped at 0, mixing the two
    /// neighbours (the upper one clamped to the edge).
    static func bilinear(_ latent: [Float], channels: Int, from: LatentSize, to: LatentSize) -> [Float] {
        let ys = (0..<to.height).map { taps($0, from.height, to.height) }
        let xs = (0..<to.width).map { taps($0, from.width, to.width) }
        var out = [Float](repeating: 0, count: channels * to.cells)
        for c in 0..<channels {
            let src = c * from.cells, dst = c * to.cells
            for (y, ty) in ys.enumerated() {
                for (x, tx) in xs.enumerated() {
                    let top = (1 - tx.w) * latent[src + ty.i0 * from.width + tx.i0] + tx.w * latent[src + ty.i0 * from.width + tx.i1]
                    let bottom = (1 - tx.w) * latent[src + ty.i1 * from.width + tx.i0] + tx.w * latent[src + ty.i1 * from.width + tx.i1]
                    out[dst + y * to.width + x] = (1 - ty.w) * top + ty.w * bottom
                }
            }
        }
        return out
    }

    /// Nearest-exact: source index `min(floor((i + ½)·in/out), in − 1)`.
    static func nearestExact(_ latent: [Float], channels: Int, from: LatentSize, to: LatentSize) -> [Float] {
        let ys = (0..<to.height).map { min(Int((Float($0) + 0.5) * Float(from.height) / Float(to.height)), from.height - 1) }
        let xs = (0..<to.width).map { min(Int((Float($0) + 0.5) * Float(from.width) / Float(to.width)), from.width - 1) }
        var out = [Float](repeating: 0, count: channels * to.cells)
        for c in 0..<channels {
            for (y, sy) in ys.enumerated() {
                for (x, sx) in xs.enumerated() {
                    out[c * to.cells + y * to.width + x] = latent[c * from.cells + sy * from.width + sx]
                }
            }
        }
        return out
    }

    private static func taps(_ i: Int, _ inSize: Int, _ outSize: Int) -> (i0: Int, i1: Int, w: Float) {
        let scale = Float(inSize) / Float(outSize)
        let source = max((Float(i) + 0.5) * scale - 0.5, 0)
        let i0 = min(Int(source), inSize - 1)
        let i1 = min(i0 + 1, inSize - 1)
        return (i0, i1, source - Float(i0))
    }
}
