/// 1×1 convolutions that also move between the NCHW layout and token rows, with the
/// transpose folded into the GEMM. They are LDM's SpatialTransformer `proj_in` (conv, then
/// `rearrange(x, 'b c h w -> b (h w) c')`) and `proj_out` (the reverse, then `+ x_in`).
extension Tensor {
    /// self [B, Cin, H, W], weight [Cout, Cin, 1, 1], bias [Cout] → tokens [B, H·W, Cout].
    public func pointwiseConvToTokens(weight: Tensor, bias: Tensor?) -> Tensor {
        let (batch, cin) = (shape[0], shape[1])
        let plane = count / (batch * cin)
        let cout = weight.shape[0]
        precondition(weight.count == cout * cin, "proj_in: weight \(weight.shape) for \(cin) channels")
        let out = Tensor(uninitialized: [batch, plane, cout])
        for b in 0..<batch {
            let dst = out.pointer + b * plane * cout
            let beta = Tensor.prefillRows(dst, rows: plane, width: cout, bias: bias, residual: nil)
            BLAS.gemm(MatrixView(pointer + b * cin * plane, rows: cin, cols: plane).transposed,
                      MatrixView(weight.pointer, rows: cout, cols: cin).transposed,
                      into: MatrixView(dst, rows: plane, cols: cout), beta: beta, profileAs: .convolutionGEMM)
        }
        return out
    }

    /// self tokens [B, H·W, Cin], weight [Cout, Cin, 1, 1], bias [Cout], residual
    /// [B, Cout, H, W] → [B, Cout, H, W] = conv(tokens as an image) + bias + residual.
    public func tokensPointwiseConv(weight: Tensor, bias: Tensor?, residual: Tensor) -> Tensor {
        let (batch, plane, cin) = (shape[0], shape[1], shape[2])
        let cout = weight.shape[0]
        precondition(weight.count == cout * cin && residual.count == batch * cout * plane,
                     "proj_out: weight \(weight.shape), tokens \(shape), residual \(residual.shape)")
        let out = Tensor(uninitialized: residual.shape)
        for b in 0..<batch {
            let dst = out.pointer + b * cout * plane
            let beta = Tensor.prefillBand(dst, channels: cout, width: plane, stride: plane, bias: bias?.pointer,
                                          residual: residual.pointer + b * cout * plane, residualStride: plane)
            BLAS.gemm(MatrixView(weight.pointer, rows: cout, cols: cin),
                      MatrixView(pointer + b * plane * cin, rows: plane, cols: cin).transposed,
                      into: MatrixView(dst, rows: cout, cols: plane), beta: beta, profileAs: .convolutionGEMM)
        }
        return out
    }
}
