/// The layer operations for every kind of `GEMMWeight`: fp32 weights go to the OpenBLAS
/// paths, bf16 panels to the bf16 GEMM, half-stored weights are widened into the shared
/// scratch buffer and then take the fp32 path. Bias and residual are written first and the
/// product accumulated onto them, as in the fp32 paths.
extension Tensor {
    /// x·Wᵀ + b (+ residual) over the last axis; see `linear(weight: Tensor, …)`.
    /// bf16 weights must be packed `.outputsAsColumns`.
    public func linear(weight: GEMMWeight, bias: Tensor? = nil, residual: Tensor? = nil) -> Tensor {
        let panels: BF16Panels
        switch weight {
        case let .fp32(w): return linear(weight: w, bias: bias, residual: residual)
        case let .half(h): return h.withFP32 { linear(weight: $0, bias: bias, residual: residual) }
        case let .bf16(p): panels = p
        }
        precondition(panels.layout == .outputsAsColumns, "linear: bf16 weights packed for convolution")
        let inFeatures = shape[shape.count - 1], outFeatures = panels.outputs
        precondition(panels.inputs == inFeatures, "linear: weight \(panels.shape) does not take \(inFeatures) inputs")
        let rows = count / inFeatures
        var outShape = shape
        outShape[outShape.count - 1] = outFeatures
        let out = Tensor(uninitialized: outShape)
        let beta = Tensor.prefillRows(out.pointer, rows: rows, width: outFeatures, bias: bias, residual: residual)
        BF16GEMM.multiply(m: rows, n: outFeatures, k: inFeatures,
                          a: .source(BF16GEMM.strided(pointer, strideK: 1, strideOther: inFeatures)),
                          b: .packed(panels), into: out.pointer, ldc: outFeatures, accumulate: beta != 0,
                          profileAs: .linearGEMM)
        return out
    }

    /// conv2d with either kind of weight; see `conv2d(weight: Tensor, …)`. bf16 weights must be
    /// packed `.outputsAsRows`; their product reads the input directly (implicit im2col).
    /// With `intoResidual` the result is written over `residual`'s storage (each output element
    /// is formed from the same element of the residual, which is read once first), for a caller
    /// that owns the residual and wants one activation buffer less; the input must not share it.
    public func conv2d(weight: GEMMWeight, bias: Tensor?, stride: Int = 1, padding: Padding2D = .uniform(0),
                       residual: Tensor? = nil, intoResidual: Bool = false) -> Tensor {
        // (Not for ≤ 8 output channels: their kernel may write the output before the epilogue
        // reads the residual.)
        let output = intoResidual && weight.outputs > FewRowsGEMM.maximumRows ? residual : nil
        precondition(output == nil || output!.storage !== storage, "conv2d: the input cannot be the output")
        switch weight {
        case let .fp32(w):
            return conv2d(weight: w, bias: bias, stride: stride, padding: padding, residual: residual, output: output)
        case let .bf16(panels):
            return conv2dBF16(panels, bias: bias, stride: stride, padding: padding, residual: residual, output: output)
        case let .half(h):
            return h.withFP32 {
                conv2d(weight: $0, bias: bias, stride: stride, padding: padding, residual: residual, output: output)
            }
        }
    }

    /// proj_in with either kind of weight (bf16 packed `.outputsAsColumns`); see
    /// `pointwiseConvToTokens(weight: Tensor, …)`.
    public func pointwiseConvToTokens(weight: GEMMWeight, bias: Tensor?) -> Tensor {
        let panels: BF16Panels
        switch weight {
        case let .fp32(w): return pointwiseConvToTokens(weight: w, bias: bias)
        case let .half(h): return h.withFP32 { pointwiseConvToTokens(weight: $0, bias: bias) }
        case let .bf16(p): panels = p
        }
        let (batch, cin) = (shape[0], shape[1])
        let plane = count / (batch * cin), cout = panels.outputs
        precondition(panels.layout == .outputsAsColumns && panels.inputs == cin, "proj_in: weight \(panels.shape)")
        let out = Tensor(uninitialized: [batch, plane, cout])
        for b in 0..<batch {
            let dst = out.pointer + b * plane * cout
            let beta = Tensor.prefillRows(dst, rows: plane, width: cout, bias: bias, residual: nil)
            BF16GEMM.multiply(m: plane, n: cout, k: cin,
                              a: .source(BF16GEMM.strided(pointer + b * cin * plane, strideK: plane, strideOther: 1)),
                              b: .packed(panels), into: dst, ldc: cout, accumulate: beta != 0,
                              profileAs: .convolutionGEMM)
        }
        return out
    }

    /// proj_out with either kind of weight (bf16 packed `.outputsAsRows`); see
    /// `tokensPointwiseConv(weight: Tensor, …)`.
    public func tokensPointwiseConv(weight: GEMMWeight, bias: Tensor?, residual: Tensor) -> Tensor {
        let panels: BF16Panels
        switch weight {
        case let .fp32(w): return tokensPointwiseConv(weight: w, bias: bias, residual: residual)
        case let .half(h): return h.withFP32 { tokensPointwiseConv(weight: $0, bias: bias, residual: residual) }
        case let .bf16(p): panels = p
        }
        let (batch, plane, cin) = (shape[0], shape[1], shape[2])
        let cout = panels.outputs
        precondition(panels.layout == .outputsAsRows && panels.inputs == cin && residual.count == batch * cout * plane,
                     "proj_out: weight \(panels.shape), tokens \(shape), residual \(residual.shape)")
        let out = Tensor(uninitialized: residual.shape)
        for b in 0..<batch {
            let dst = out.pointer + b * cout * plane
            let beta = Tensor.prefillBand(dst, channels: cout, width: plane, stride: plane, bias: bias?.pointer,
                                          residual: residual.pointer + b * cout * plane, residualStride: plane)
            BF16GEMM.multiply(m: cout, n: plane, k: cin, a: .packed(panels),
                              b: .source(BF16GEMM.strided(pointer + b * plane * cin, strideK: 1, strideOther: cin)),
                              into: dst, ldc: plane, accumulate: beta != 0, profileAs: .convolutionGEMM)
        }
        return out
    }
}
