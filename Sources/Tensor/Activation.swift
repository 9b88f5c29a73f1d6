/// Pointwise nonlinearities used by the SD 1.x networks.
public enum Activation: Sendable {
    /// x·σ(x) (PyTorch `F.silu`, LDM `nonlinearity`/`SiLU`).
    case silu
    /// Exact GELU, x·½(1 + erf(x/√2)) (PyTorch `F.gelu` with approximate='none').
    case gelu
    /// x·σ(1.702x) (transformers `activations.py`, `QuickGELUActivation`).
    case quickGELU

    /// Applies the activation to sixteen lanes.
    @inline(__always)
    public func apply(_ x: Float16Lanes) -> Float16Lanes {
        switch self {
        case .silu: return x / (1 + VectorMath.exp(-x))
        case .gelu: return 0.5 * x * (1 + VectorMath.erf(x * 0.70710678118654752))
        case .quickGELU: return x / (1 + VectorMath.exp(-1.702 * x))
        }
    }

    /// Applies the activation in place to `n` floats, spread over the cores.
    public func apply(_ p: UnsafeMutablePointer<Float>, count n: Int) {
        OpProfile.measure(.activation) {
            Parallel.forEachRange((n + 15) / 16, floatsPerItem: 16) { blocks in
                let start = blocks.lowerBound * 16
                let end = min(n, blocks.upperBound * 16)
                switch self {
                case .silu: VectorMath.map(p + start, p + start, end - start) { Activation.silu.apply($0) }
                case .gelu: VectorMath.map(p + start, p + start, end - start) { Activation.gelu.apply($0) }
                case .quickGELU:
                    VectorMath.map(p + start, p + start, end - start) { Activation.quickGELU.apply($0) }
                }
            }
        }
    }
}

extension Tensor {
    /// A new tensor with `activation` applied to every element.
    public func applying(_ activation: Activation) -> Tensor {
        let out = copy()
        activation.apply(out.pointer, count: count)
        return out
    }

    /// GEGLU: splits the last axis [..., 2D] into value and gate halves and returns
    /// value · gelu(gate), shape [..., D]. Reference: LDM `ldm/modules/attention.py`, `GEGLU`
    /// (`x, gate = proj(x).chunk(2, dim=-1); x * F.gelu(gate)`).
    public func geglu() -> Tensor {
        let width = shape[shape.count - 1]
        precondition(width % 2 == 0, "GEGLU needs an even last axis, got \(shape)")
        let half = width / 2
        let rows = count / width
        var outShape = shape
        outShape[outShape.count - 1] = half
        let out = Tensor(uninitialized: outShape)
        let src = pointer, dst = out.pointer
        OpProfile.measure(.activation) {
            Parallel.forEachRange(rows, floatsPerItem: half) { range in
                for r in range {
                    let value = src + r * width, gate = value + half, o = dst + r * half
                    var i = 0
                    while i + 16 <= half {
                        let g = Activation.gelu.apply(VectorMath.load(gate + i))
                        VectorMath.store(VectorMath.load(value + i) * g, o + i)
                        i += 16
                    }
                    while i < half {
                        let g = VectorMath.loadPartial(gate + i, 1)
                        o[i] = value[i] * Activation.gelu.apply(g)[0]
                        i += 1
                    }
                }
            }
        }
        return out
    }
}
