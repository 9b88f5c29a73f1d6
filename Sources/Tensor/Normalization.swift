/// Normalisation layers over NCHW activations and token rows.
extension Tensor {
    /// Group normalisation of [B, C, ...] over `groups` groups of C/groups channels, with a
    /// per-channel affine transform and an optional activation fused into the same pass.
    /// Variance is the biased one, as in PyTorch. Reference: PyTorch `torch.nn.GroupNorm`
    /// (LDM `GroupNorm32` in `openaimodel.py` and `Normalize` in `model.py`).
    /// With `inPlace` the result overwrites this tensor's storage (each element is read once,
    /// after the group's statistics, then written), for a caller that holds the only reference
    /// to it and wants one activation buffer less.
    public func groupNorm(groups: Int, weight: Tensor, bias: Tensor, eps: Float,
                          activation: Activation? = nil, inPlace: Bool = false) -> Tensor {
        let batch = shape[0], channels = shape[1]
        precondition(channels % groups == 0, "GroupNorm: \(channels) channels in \(groups) groups")
        precondition(weight.count == channels && bias.count == channels, "GroupNorm: affine size")
        let plane = count / (batch * channels)
        let perGroup = channels / groups
        let groupSize = perGroup * plane
        let out = inPlace ? self : Tensor(uninitialized: shape)
        let src = pointer, dst = out.pointer, gamma = weight.pointer, beta = bias.pointer
        OpProfile.measure(.groupNorm) {
            Parallel.forEachItem(batch * groups, floatsPerItem: groupSize) { unit in
                let g = unit % groups
                let base = unit * groupSize
                let mean = Float(Reduction.sum(src + base, groupSize) / Double(groupSize))
                let variance = Reduction.squaredDeviation(src + base, groupSize, mean: mean) / Double(groupSize)
                let rstd = Float(1 / (variance + Double(eps)).squareRoot())
                for c in g * perGroup ..< (g + 1) * perGroup {
                    let scale = rstd * gamma[c]
                    let shift = beta[c] - mean * scale
                    let row = base + (c - g * perGroup) * plane
                    Tensor.affine(src + row, dst + row, plane, scale: scale, shift: shift, activation: activation)
                }
            }
        }
        return out
    }

    /// Layer normalisation over the last axis with a per-feature affine transform.
    /// Reference: PyTorch `torch.nn.LayerNorm` (biased variance, eps inside the root).
    public func layerNorm(weight: Tensor, bias: Tensor, eps: Float) -> Tensor {
        let width = shape[shape.count - 1]
        precondition(weight.count == width && bias.count == width, "LayerNorm: affine size")
        let rows = count / width
        let out = Tensor(uninitialized: shape)
        let src = pointer, dst = out.pointer, gamma = weight.pointer, beta = bias.pointer
        OpProfile.measure(.layerNorm) {
            Parallel.forEachRange(rows, floatsPerItem: width) { range in
                for r in range {
                    let x = src + r * width, y = dst + r * width
                    let mean = Float(Reduction.sum(x, width) / Double(width))
                    let variance = Reduction.squaredDeviation(x, width, mean: mean) / Double(width)
                    let rstd = Float16Lanes(repeating: Float(1 / (variance + Double(eps)).squareRoot()))
                    let m = Float16Lanes(repeating: mean)
                    var i = 0
                    while i + 16 <= width {
                        let n = (VectorMath.load(x + i) - m) * rstd
                        VectorMath.store(n * VectorMath.load(gamma + i) + VectorMath.load(beta + i), y + i)
                        i += 16
                    }
                    while i < width {
                        y[i] = (x[i] - mean) * rstd[0] * gamma[i] + beta[i]
                        i += 1
                    }
                }
            }
        }
        return out
    }

    /// dst = activation(src·scale + shift) over n floats.
    @inline(__always)
    static func affine(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>, _ n: Int,
                       scale: Float, shift: Float, activation: Activation?) {
        let a = Float16Lanes(repeating: scale), b = Float16Lanes(repeating: shift)
        switch activation {
        case nil: VectorMath.map(src, dst, n) { $0 * a + b }
        case .silu?: VectorMath.map(src, dst, n) { Activation.silu.apply($0 * a + b) }
        case .gelu?: VectorMath.map(src, dst, n) { Activation.gelu.apply($0 * a + b) }
        case .quickGELU?: VectorMath.map(src, dst, n) { Activation.quickGELU.apply($0 * a + b) }
        }
    }
}
