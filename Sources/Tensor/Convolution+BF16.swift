import CKernels

extension Tensor {
    /// conv2d(self, W) + bias (+ residual) with bf16 panels `.outputsAsRows` of W [Cout, Cin,
    /// kh, kw]: one bf16 GEMM per batch item whose B operand is the im2col matrix read straight
    /// from the input while packing (no column buffer). Small images fold the batch into the
    /// GEMM's columns, as the fp32 path does.
    /// Largest image (in output pixels) whose batch is folded into one GEMM: up to 32×32 the
    /// weights (up to 1280×11520) are the bigger operand, and one product over the whole batch
    /// streams them half as often.
    var foldBatchUpToPixels: Int { 1024 }

    func conv2dBF16(_ panels: BF16Panels, bias: Tensor?, stride: Int, padding: Padding2D, residual: Tensor?,
                    output: Tensor? = nil) -> Tensor {
        precondition(shape.count == 4 && panels.shape.count == 4 && panels.shape[1] == shape[1]
                     && panels.layout == .outputsAsRows,
                     "conv2d: input \(shape) and weight \(panels.shape) do not match")
        let (batch, cin, height, width) = (shape[0], shape[1], shape[2], shape[3])
        let (cout, kh, kw) = (panels.shape[0], panels.shape[2], panels.shape[3])
        let hout = Conv2D.outputSize(height, kernel: kh, stride: stride, before: padding.top, after: padding.bottom)
        let wout = Conv2D.outputSize(width, kernel: kw, stride: stride, before: padding.left, after: padding.right)
        let plane = hout * wout, k = cin * kh * kw
        let out = output ?? Tensor(uninitialized: [batch, cout, hout, wout])
        precondition(out.shape == [batch, cout, hout, wout], "conv2d: output \(out.shape)")
        if let residual { precondition(residual.shape == out.shape, "conv2d: residual \(residual.shape) vs \(out.shape)") }
        if let bias { precondition(bias.count == cout || bias.count == batch * cout, "conv2d: bias \(bias.shape)") }
        let epilogue = ConvEpilogue(bias: bias, perItem: bias.map { $0.count == batch * cout && batch > 1 } ?? false,
                                    residual: residual, channels: cout, plane: plane)
        let geometry = ConvGeometry(kernel: (kh, kw), stride: stride, padding: padding, outHeight: hout, outWidth: wout)
        if Winograd.appliesWithBF16Weights(to: geometry, batch: batch, inputChannels: cin, outputChannels: cout) {
            convolveWinograd(weight: .bf16(panels), epilogue: epilogue, into: out)
            return out
        }
        let pointwise = kh == 1 && kw == 1 && stride == 1 && padding == .uniform(0)
        func source(item: Int) -> EaselSource {
            let input = pointer + item * cin * height * width
            if pointwise { return BF16GEMM.strided(input, strideK: plane, strideOther: 1) }
            var s = EaselSource()
            s.data = UnsafePointer(input)
            s.conv_channels = Int32(cin)
            s.height = Int32(height); s.width = Int32(width)
            s.kernel_h = Int32(kh); s.kernel_w = Int32(kw)
            s.stride = Int32(stride)
            s.pad_top = Int32(padding.top); s.pad_left = Int32(padding.left)
            s.out_width = Int32(wout); s.out_plane = Int32(plane)
            s.item_stride = cin * height * width
            return s
        }
        if batch > 1 && plane <= foldBatchUpToPixels && !pointwise {
            let total = batch * plane
            let staging = Tensor(uninitialized: [cout, total])
            BF16GEMM.multiply(m: cout, n: total, k: k, a: .packed(panels), b: .source(source(item: 0)),
                              into: staging.pointer, ldc: total, accumulate: false, profileAs: .convolutionGEMM)
            for b in 0..<batch {
                epilogue.finish(staging.pointer + b * plane, stagingStride: total, into: out.pointer + b * cout * plane,
                                item: b, firstPixel: 0, width: plane)
            }
            return out
        }
        for b in 0..<batch {
            let dst = out.pointer + b * cout * plane
            let beta = epilogue.prefill(dst, item: b, firstPixel: 0, width: plane, stride: plane)
            BF16GEMM.multiply(m: cout, n: plane, k: k, a: .packed(panels), b: .source(source(item: b)),
                              into: dst, ldc: plane, accumulate: beta != 0, profileAs: .convolutionGEMM)
        }
        return out
    }
}
