/// Zero padding of a 2-D convolution, per side.
public struct Padding2D: Equatable, Sendable {
    public var top: Int, left: Int, bottom: Int, right: Int

    public init(top: Int, left: Int, bottom: Int, right: Int) {
        self.top = top; self.left = left; self.bottom = bottom; self.right = right
    }

    /// The same padding on every side (PyTorch `Conv2d(padding=p)`).
    public static func uniform(_ p: Int) -> Padding2D { Padding2D(top: p, left: p, bottom: p, right: p) }
}

/// 2-D convolution of NCHW tensors as im2col + GEMM. The column matrix is built a band of
/// output rows at a time, so its size stays near `Conv2D.columnBudget` floats (it stays in
/// cache for the GEMM that reads it); 1×1 stride-1 convolutions skip im2col entirely.
/// Reference: PyTorch `torch.nn.functional.conv2d` (cross-correlation, weight [Cout, Cin, kh, kw]).
public enum Conv2D {
    /// Target size of the im2col band, in floats (8 MB).
    static let columnBudget = 2 << 20
    /// Smallest band width in output pixels when the spatial size allows it.
    static let minimumColumns = 256

    /// Output rows per im2col band: as many as fit `budget` floats of k-row columns (at least
    /// `minimumColumns` pixels when the budget allows), then evened out so the last band is
    /// not a small remainder.
    static func bandRows(outHeight: Int, outWidth: Int, k: Int, budget: Int) -> Int {
        let columns = max(min(minimumColumns, budget), budget / k)
        let fitting = max(1, min(outHeight, columns / outWidth))
        let bands = (outHeight + fitting - 1) / fitting
        return (outHeight + bands - 1) / bands
    }

    /// Output size along one axis.
    static func outputSize(_ input: Int, kernel: Int, stride: Int, before: Int, after: Int) -> Int {
        (input + before + after - kernel) / stride + 1
    }
}

extension Tensor {
    /// conv2d(self, weight) + bias (+ residual). self [B, Cin, H, W], weight [Cout, Cin, kh, kw],
    /// bias [Cout] or [B, Cout] (one bias row per batch item, e.g. with the ResBlock's timestep
    /// embedding folded in), residual [B, Cout, Hout, Wout]; returns [B, Cout, Hout, Wout].
    public func conv2d(weight: Tensor, bias: Tensor?, stride: Int = 1, padding: Padding2D = .uniform(0),
                       residual: Tensor? = nil) -> Tensor {
        conv2d(weight: weight, bias: bias, stride: stride, padding: padding, residual: residual,
               columnBudget: Conv2D.columnBudget)
    }

    /// `conv2d` with an explicit im2col band budget in floats (tests use small ones).
    func conv2d(weight: Tensor, bias: Tensor?, stride: Int, padding: Padding2D, residual: Tensor?,
                columnBudget: Int) -> Tensor {
        precondition(shape.count == 4 && weight.shape.count == 4 && weight.shape[1] == shape[1],
                     "conv2d: input \(shape) and weight \(weight.shape) do not match")
        let (batch, cin, height, width) = (shape[0], shape[1], shape[2], shape[3])
        let (cout, kh, kw) = (weight.shape[0], weight.shape[2], weight.shape[3])
        let hout = Conv2D.outputSize(height, kernel: kh, stride: stride, before: padding.top, after: padding.bottom)
        let wout = Conv2D.outputSize(width, kernel: kw, stride: stride, before: padding.left, after: padding.right)
        let out = Tensor(uninitialized: [batch, cout, hout, wout])
        if let residual { precondition(residual.shape == out.shape, "conv2d: residual \(residual.shape) vs \(out.shape)") }
        if let bias { precondition(bias.count == cout || bias.count == batch * cout, "conv2d: bias \(bias.shape)") }
        let biasPerItem = bias.map { $0.count == batch * cout && batch > 1 } ?? false
        let plane = hout * wout
        let k = cin * kh * kw
        let pointwise = kh == 1 && kw == 1 && stride == 1 && padding == .uniform(0)
        let bandRows = pointwise ? hout : Conv2D.bandRows(outHeight: hout, outWidth: wout, k: k, budget: columnBudget)
        let columns = pointwise ? nil : Tensor(uninitialized: [k, bandRows * wout])
        let weights = MatrixView(weight.pointer, rows: cout, cols: k)
        for b in 0..<batch {
            var y0 = 0
            while y0 < hout {
                let rows = min(bandRows, hout - y0)
                let n = rows * wout
                let dst = out.pointer + b * cout * plane + y0 * wout
                let input: MatrixView
                if let columns {
                    OpProfile.measure(.im2col) {
                        im2col(batch: b, firstRow: y0, rows: rows, kernel: (kh, kw), stride: stride,
                               padding: padding, outWidth: wout, into: columns.pointer)
                    }
                    input = MatrixView(columns.pointer, rows: k, cols: n)
                } else {
                    input = MatrixView(pointer + b * cin * height * width, rows: k, cols: n)
                }
                let itemBias = bias.map { biasPerItem ? $0.pointer + b * cout : $0.pointer }
                let beta = Tensor.prefillBand(dst, channels: cout, width: n, stride: plane, bias: itemBias,
                                              residual: residual.map { $0.pointer + b * cout * plane + y0 * wout })
                BLAS.gemm(weights, input, into: MatrixView(dst, rows: cout, cols: n, leading: plane), beta: beta)
                y0 += rows
            }
        }
        return out
    }

    /// Writes the im2col band for output rows firstRow..<firstRow+rows of batch item `batch`:
    /// row (c, ky, kx) of `columns` holds input[c, y·s − top + ky, x·s − left + kx] (0 outside).
    private func im2col(batch: Int, firstRow: Int, rows: Int, kernel: (Int, Int), stride: Int,
                        padding: Padding2D, outWidth: Int, into columns: UnsafeMutablePointer<Float>) {
        let (cin, height, width) = (shape[1], shape[2], shape[3])
        let (kh, kw) = kernel
        let n = rows * outWidth
        let src = pointer + batch * cin * height * width
        Parallel.forEachRange(cin * kh * kw, minimumPerWorker: max(1, 16384 / max(n, 1))) { range in
            for r in range {
                let c = r / (kh * kw), ky = (r / kw) % kh, kx = r % kw
                let channel = src + c * height * width
                // Output columns x whose input column x·s − left + kx lies inside [0, width).
                let xFirst = max(0, (padding.left - kx + stride - 1) / stride)
                let lastInside = width - 1 + padding.left - kx
                let xEnd = lastInside < 0 ? 0 : min(outWidth, lastInside / stride + 1)
                for y in 0..<rows {
                    let dst = columns + r * n + y * outWidth
                    let iy = (firstRow + y) * stride - padding.top + ky
                    guard iy >= 0, iy < height, xFirst < xEnd else {
                        dst.initialize(repeating: 0, count: outWidth)
                        continue
                    }
                    if xFirst > 0 { dst.initialize(repeating: 0, count: xFirst) }
                    if xEnd < outWidth { (dst + xEnd).initialize(repeating: 0, count: outWidth - xEnd) }
                    let line = channel + iy * width - padding.left + kx
                    if stride == 1 {
                        (dst + xFirst).update(from: line + xFirst, count: xEnd - xFirst)
                    } else {
                        for x in xFirst..<xEnd { dst[x] = line[x * stride] }
                    }
                }
            }
        }
    }

    /// Fills `channels` rows of `width` floats (row c at dst + c·stride) with the residual
    /// band (+ bias[c]) or bias[c] alone; returns the GEMM beta to use afterwards.
    static func prefillBand(_ dst: UnsafeMutablePointer<Float>, channels: Int, width: Int, stride: Int,
                            bias b: UnsafeMutablePointer<Float>?, residual: UnsafeMutablePointer<Float>?) -> Float {
        guard b != nil || residual != nil else { return 0 }
        OpProfile.measure(.prefill) {
            Parallel.forEachRange(channels, minimumPerWorker: max(1, 16384 / max(width, 1))) { range in
                for c in range {
                    let row = dst + c * stride
                    let add = Float16Lanes(repeating: b?[c] ?? 0)
                    if let residual {
                        VectorMath.map(residual + c * stride, row, width) { $0 + add }
                    } else {
                        row.initialize(repeating: b![c], count: width)
                    }
                }
            }
        }
        return 1
    }
}
