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
/// output rows at a time, so its size stays near `Conv2D.columnBudget` floats; 1×1 stride-1
/// convolutions skip im2col entirely. Small
/// images (the UNet's deepest levels) put all batch items side by side in one GEMM instead,
/// because a GEMM with few columns spends its time repacking the weights.
/// Reference: PyTorch `torch.nn.functional.conv2d` (cross-correlation, weight [Cout, Cin, kh, kw]).
public enum Conv2D {
    /// Target size of the im2col band, in floats (64 MB). Wide bands matter more than cache
    /// residency: each band's GEMM repacks the whole weight matrix, and the VAE's 512-pixel
    /// convolutions (K = 1152…4608) measured 125 GFLOP/s with 8 MB bands, 161 with 32 MB and
    /// 220 with 64 MB on this machine.
    static let columnBudget = 16 << 20
    /// Smallest band width in output pixels when the spatial size allows it.
    static let minimumColumns = 256
    /// Images with fewer output pixels than this are convolved with the batch folded into
    /// the GEMM's columns.
    static let foldBatchBelowPixels = 256

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
        conv2d(weight: weight, bias: bias, stride: stride, padding: padding, residual: residual, output: nil)
    }

    /// `conv2d` through im2col only, never Winograd (for benchmarks that compare the two).
    public func conv2dIm2col(weight: Tensor, bias: Tensor?, stride: Int = 1, padding: Padding2D = .uniform(0),
                             residual: Tensor? = nil) -> Tensor {
        conv2d(weight: weight, bias: bias, stride: stride, padding: padding, residual: residual,
               columnBudget: Conv2D.columnBudget)
    }

    /// `conv2d` writing into `output` (which may be `residual`), or into a new tensor. Large
    /// stride-1 3×3 convolutions go through Winograd F(4×4, 3×3), the rest through im2col.
    func conv2d(weight: Tensor, bias: Tensor?, stride: Int, padding: Padding2D, residual: Tensor?,
                output: Tensor?) -> Tensor {
        conv2d(weight: weight, bias: bias, stride: stride, padding: padding, residual: residual,
               columnBudget: Conv2D.columnBudget, output: output, allowWinograd: true)
    }

    /// `conv2d` through im2col with an explicit band budget in floats (tests use small ones),
    /// or through Winograd when `allowWinograd` and the convolution qualifies.
    func conv2d(weight: Tensor, bias: Tensor?, stride: Int, padding: Padding2D, residual: Tensor?,
                columnBudget: Int, output: Tensor? = nil, allowWinograd: Bool = false) -> Tensor {
        precondition(shape.count == 4 && weight.shape.count == 4 && weight.shape[1] == shape[1],
                     "conv2d: input \(shape) and weight \(weight.shape) do not match")
        let (batch, height, width) = (shape[0], shape[2], shape[3])
        let (cout, kh, kw) = (weight.shape[0], weight.shape[2], weight.shape[3])
        let hout = Conv2D.outputSize(height, kernel: kh, stride: stride, before: padding.top, after: padding.bottom)
        let wout = Conv2D.outputSize(width, kernel: kw, stride: stride, before: padding.left, after: padding.right)
        let out = output ?? Tensor(uninitialized: [batch, cout, hout, wout])
        precondition(out.shape == [batch, cout, hout, wout], "conv2d: output \(out.shape)")
        if let residual { precondition(residual.shape == out.shape, "conv2d: residual \(residual.shape) vs \(out.shape)") }
        if let bias { precondition(bias.count == cout || bias.count == batch * cout, "conv2d: bias \(bias.shape)") }
        let geometry = ConvGeometry(kernel: (kh, kw), stride: stride, padding: padding, outHeight: hout, outWidth: wout)
        let epilogue = ConvEpilogue(bias: bias, perItem: bias.map { $0.count == batch * cout && batch > 1 } ?? false,
                                    residual: residual, channels: cout, plane: hout * wout)
        if allowWinograd && Winograd.applies(to: geometry, batch: batch, inputChannels: shape[1], outputChannels: cout) {
            convolveWinograd(weight: .fp32(weight), epilogue: epilogue, into: out)
        } else if batch > 1 && hout * wout < Conv2D.foldBatchBelowPixels {
            convolveFoldingBatch(weight: weight, geometry: geometry, epilogue: epilogue, into: out)
        } else {
            convolveInBands(weight: weight, geometry: geometry, epilogue: epilogue, columnBudget: columnBudget, into: out)
        }
        return out
    }

    /// Each batch item on its own, a band of output rows at a time: im2col, GEMM into a
    /// contiguous staging block, then bias and residual on the way to the output. A band that
    /// covers the whole image (and any 1×1 stride-1 convolution, which needs no im2col)
    /// writes the output directly.
    private func convolveInBands(weight: Tensor, geometry g: ConvGeometry, epilogue: ConvEpilogue,
                                 columnBudget: Int, into out: Tensor) {
        let (batch, cin) = (shape[0], shape[1])
        let cout = weight.shape[0], plane = g.outHeight * g.outWidth
        let k = cin * g.kernel.0 * g.kernel.1
        let weights = MatrixView(weight.pointer, rows: cout, cols: k)
        if g.isPointwise {
            for b in 0..<batch {
                let dst = out.pointer + b * cout * plane
                let beta = epilogue.prefill(dst, item: b, firstPixel: 0, width: plane, stride: plane)
                BLAS.gemm(weights, MatrixView(pointer + b * cin * plane, rows: k, cols: plane),
                          into: MatrixView(dst, rows: cout, cols: plane), beta: beta, profileAs: .convolutionGEMM)
            }
            return
        }
        let bandRows = Conv2D.bandRows(outHeight: g.outHeight, outWidth: g.outWidth, k: k, budget: columnBudget)
        let columns = Tensor(uninitialized: [k, bandRows * g.outWidth])
        let staging = bandRows < g.outHeight ? Tensor(uninitialized: [cout, bandRows * g.outWidth]) : nil
        for b in 0..<batch {
            for y0 in stride(from: 0, to: g.outHeight, by: bandRows) {
                let rows = min(bandRows, g.outHeight - y0)
                let n = rows * g.outWidth
                OpProfile.measure(.im2col) {
                    im2col(batch: b, firstRow: y0, rows: rows, geometry: g, into: columns.pointer, rowStride: n)
                }
                let input = MatrixView(columns.pointer, rows: k, cols: n)
                let dst = out.pointer + b * cout * plane + y0 * g.outWidth
                if cout <= FewRowsGEMM.maximumRows {
                    let target = staging?.pointer ?? dst
                    let ldc = staging == nil ? plane : n
                    OpProfile.measure(.convolutionGEMM, flops: 2 * Double(cout * k * n)) {
                        FewRowsGEMM.multiply(weight.pointer, rows: cout, depth: k, columns.pointer, ldb: n, cols: n,
                                             into: target, ldc: ldc)
                    }
                    epilogue.finish(target, stagingStride: ldc, into: dst, item: b, firstPixel: y0 * g.outWidth, width: n)
                } else if let staging {
                    BLAS.gemm(weights, input, into: MatrixView(staging.pointer, rows: cout, cols: n),
                              profileAs: .convolutionGEMM)
                    epilogue.finish(staging.pointer, stagingStride: n, into: dst, item: b, firstPixel: y0 * g.outWidth,
                                    width: n)
                } else {
                    let beta = epilogue.prefill(dst, item: b, firstPixel: 0, width: n, stride: plane)
                    BLAS.gemm(weights, input, into: MatrixView(dst, rows: cout, cols: n, leading: plane), beta: beta,
                              profileAs: .convolutionGEMM)
                }
            }
        }
    }

    /// The whole batch as one GEMM: columns [K, B·HW] with item b at column b·HW, output
    /// staged as [Cout, B·HW], then bias and residual on the way to [B, Cout, HW].
    private func convolveFoldingBatch(weight: Tensor, geometry g: ConvGeometry, epilogue: ConvEpilogue,
                                      into out: Tensor) {
        let batch = shape[0], cout = weight.shape[0]
        let plane = g.outHeight * g.outWidth, total = batch * plane
        let k = shape[1] * g.kernel.0 * g.kernel.1
        let columns = Tensor(uninitialized: [k, total])
        let staging = Tensor(uninitialized: [cout, total])
        OpProfile.measure(.im2col) {
            for b in 0..<batch {
                im2col(batch: b, firstRow: 0, rows: g.outHeight, geometry: g, into: columns.pointer + b * plane,
                       rowStride: total)
            }
        }
        BLAS.gemm(MatrixView(weight.pointer, rows: cout, cols: k), MatrixView(columns.pointer, rows: k, cols: total),
                  into: MatrixView(staging.pointer, rows: cout, cols: total), profileAs: .convolutionGEMM)
        for b in 0..<batch {
            epilogue.finish(staging.pointer + b * plane, stagingStride: total, into: out.pointer + b * cout * plane,
                            item: b, firstPixel: 0, width: plane)
        }
    }

    /// Writes the im2col band for output rows firstRow..<firstRow+rows of batch item `batch`:
    /// row (c, ky, kx) of `columns` (at columns + row · rowStride) holds
    /// input[c, y·s − top + ky, x·s − left + kx] (0 outside).
    private func im2col(batch: Int, firstRow: Int, rows: Int, geometry g: ConvGeometry,
                        into columns: UnsafeMutablePointer<Float>, rowStride: Int) {
        let (cin, height, width) = (shape[1], shape[2], shape[3])
        let (kh, kw) = g.kernel, stride = g.stride, padding = g.padding, outWidth = g.outWidth
        let n = rows * outWidth
        let src = pointer + batch * cin * height * width
        Parallel.forEachRange(cin * kh * kw, floatsPerItem: n) { range in
            for r in range {
                let c = r / (kh * kw), ky = (r / kw) % kh, kx = r % kw
                let channel = src + c * height * width
                // Output columns x whose input column x·s − left + kx lies inside [0, width).
                let xFirst = max(0, (padding.left - kx + stride - 1) / stride)
                let lastInside = width - 1 + padding.left - kx
                let xEnd = lastInside < 0 ? 0 : min(outWidth, lastInside / stride + 1)
                for y in 0..<rows {
                    let dst = columns + r * rowStride + y * outWidth
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
}
