/// Fully connected layers as one GEMM over all rows.
extension Tensor {
    /// x·Wᵀ + b (+ residual) over the last axis: self [..., in], `weight` [out, in] (PyTorch
    /// `nn.Linear` layout), `bias` [out], `residual` [..., out]. Reference: PyTorch
    /// `torch.nn.functional.linear`.
    public func linear(weight: Tensor, bias: Tensor? = nil, residual: Tensor? = nil) -> Tensor {
        let inFeatures = shape[shape.count - 1]
        let outFeatures = weight.shape[0]
        precondition(weight.count == outFeatures * inFeatures,
                     "linear: weight \(weight.shape) does not take \(inFeatures) inputs")
        let rows = count / inFeatures
        var outShape = shape
        outShape[outShape.count - 1] = outFeatures
        let out = Tensor(uninitialized: outShape)
        let beta = Tensor.prefillRows(out.pointer, rows: rows, width: outFeatures, bias: bias, residual: residual)
        BLAS.gemm(MatrixView(pointer, rows: rows, cols: inFeatures),
                  MatrixView(weight.pointer, rows: outFeatures, cols: inFeatures).transposed,
                  into: MatrixView(out.pointer, rows: rows, cols: outFeatures), beta: beta)
        return out
    }

    /// Fills `rows` rows of `width` floats with `residual` (+ `bias` per column), or `bias`
    /// alone; returns the GEMM beta to use afterwards (0 when nothing was filled).
    static func prefillRows(_ out: UnsafeMutablePointer<Float>, rows: Int, width: Int,
                            bias: Tensor?, residual: Tensor?) -> Float {
        if let residual { precondition(residual.count == rows * width, "residual size \(residual.shape)") }
        if let bias { precondition(bias.count == width, "bias size \(bias.shape) for width \(width)") }
        guard bias != nil || residual != nil else { return 0 }
        let b = bias?.pointer, r = residual?.pointer
        OpProfile.measure(.prefill) {
            Parallel.forEachRange(rows, floatsPerItem: width) { range in
                for row in range {
                    let dst = out + row * width
                    switch (b, r) {
                    case let (b?, r?):
                        Tensor.combineSerial(r + row * width, b, dst, width) { $0 + $1 }
                    case let (b?, nil):
                        dst.update(from: b, count: width)
                    case let (nil, r?):
                        dst.update(from: r + row * width, count: width)
                    case (nil, nil):
                        break
                    }
                }
            }
        }
        return 1
    }
}
