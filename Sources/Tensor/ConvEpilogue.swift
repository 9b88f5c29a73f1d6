/// What a convolution adds to its GEMM result: a bias per output channel (one row per batch
/// item when `perItem`) and an optional residual of the output's shape.
struct ConvEpilogue {
    let bias: Tensor?
    let perItem: Bool
    let residual: Tensor?
    let channels: Int
    let plane: Int

    func biasRow(_ item: Int) -> UnsafeMutablePointer<Float>? {
        bias.map { perItem ? $0.pointer + item * channels : $0.pointer }
    }

    func residualBand(_ item: Int, _ firstPixel: Int) -> UnsafeMutablePointer<Float>? {
        residual.map { $0.pointer + item * channels * plane + firstPixel }
    }

    /// Writes bias (+ residual) for pixels firstPixel..<firstPixel+width of batch item `item`
    /// into rows of `dst` (row c at dst + c·stride) before a GEMM accumulates onto them;
    /// returns the GEMM's beta (0 when there is nothing to add).
    func prefill(_ dst: UnsafeMutablePointer<Float>, item: Int, firstPixel: Int, width: Int, stride: Int) -> Float {
        Tensor.prefillBand(dst, channels: channels, width: width, stride: stride, bias: biasRow(item),
                           residual: residualBand(item, firstPixel), residualStride: plane)
    }

    /// dst row c = staging row c + bias (+ residual), for pixels firstPixel..<firstPixel+width
    /// of batch item `item`; dst rows are `plane` apart.
    func finish(_ staging: UnsafeMutablePointer<Float>, stagingStride: Int, into dst: UnsafeMutablePointer<Float>,
                item: Int, firstPixel: Int, width: Int) {
        let bias = biasRow(item), residual = residualBand(item, firstPixel)
        let plane = plane
        OpProfile.measure(.prefill) {
            Parallel.forEachRange(channels, floatsPerItem: width) { range in
                for c in range {
                    let src = staging + c * stagingStride, row = dst + c * plane
                    let add = Float16Lanes(repeating: bias?[c] ?? 0)
                    if let residual {
                        Tensor.combineSerial(src, residual + c * plane, row, width) { $0 + $1 + add }
                    } else {
                        VectorMath.map(src, row, width) { $0 + add }
                    }
                }
            }
        }
    }
}

extension Tensor {
    /// Fills `channels` rows of `width` floats (row c at dst + c·stride) with the residual
    /// band (row c at residual + c·residualStride) plus bias[c], or bias[c] alone; returns the
    /// GEMM beta to use afterwards.
    static func prefillBand(_ dst: UnsafeMutablePointer<Float>, channels: Int, width: Int, stride: Int,
                            bias b: UnsafeMutablePointer<Float>?, residual: UnsafeMutablePointer<Float>?,
                            residualStride: Int) -> Float {
        guard b != nil || residual != nil else { return 0 }
        OpProfile.measure(.prefill) {
            Parallel.forEachRange(channels, floatsPerItem: width) { range in
                for c in range {
                    let row = dst + c * stride
                    let add = Float16Lanes(repeating: b?[c] ?? 0)
                    if let residual {
                        VectorMath.map(residual + c * residualStride, row, width) { $0 + add }
                    } else {
                        row.initialize(repeating: b![c], count: width)
                    }
                }
            }
        }
        return 1
    }
}
