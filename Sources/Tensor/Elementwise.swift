/// Elementwise arithmetic on whole tensors, vectorised and spread over the cores.
extension Tensor {
    /// self + other, elementwise (same shape).
    public func adding(_ other: Tensor) -> Tensor {
        precondition(shape == other.shape, "add: shapes \(shape) and \(other.shape) differ")
        let out = Tensor(uninitialized: shape)
        Tensor.combine(pointer, other.pointer, out.pointer, count) { $0 + $1 }
        return out
    }

    /// self += other, in place (same shape).
    public func add(_ other: Tensor) {
        precondition(shape == other.shape, "add: shapes \(shape) and \(other.shape) differ")
        Tensor.combine(pointer, other.pointer, pointer, count) { $0 + $1 }
    }

    /// self · other, elementwise (same shape).
    public func multiplying(_ other: Tensor) -> Tensor {
        precondition(shape == other.shape, "multiply: shapes \(shape) and \(other.shape) differ")
        let out = Tensor(uninitialized: shape)
        Tensor.combine(pointer, other.pointer, out.pointer, count) { $0 * $1 }
        return out
    }

    /// self · factor, as a new tensor.
    public func scaled(by factor: Float) -> Tensor {
        let out = Tensor(uninitialized: shape)
        Tensor.combine(pointer, pointer, out.pointer, count) { a, _ in a * factor }
        return out
    }

    /// Adds `perChannel[b, c]` to every element of channel c of batch item b, in place.
    /// self is [B, C, ...] and `perChannel` is [B, C] (the ResBlock timestep-embedding add).
    public func addPerChannel(_ perChannel: Tensor) {
        let batch = shape[0], channels = shape[1]
        precondition(perChannel.count == batch * channels, "per-channel add: \(perChannel.shape) vs \(shape)")
        let plane = count / (batch * channels)
        let p = pointer, bias = perChannel.pointer
        OpProfile.measure(.elementwise) {
            Parallel.forEachRange(batch * channels, floatsPerItem: plane) { range in
                for bc in range {
                    let row = p + bc * plane
                    let v = Float16Lanes(repeating: bias[bc])
                    VectorMath.map(row, row, plane) { $0 + v }
                }
            }
        }
    }

    /// dst[i] = f(a[i], b[i]) sixteen at a time, spread over the cores; dst may alias a or b.
    @inline(__always)
    static func combine(_ a: UnsafeMutablePointer<Float>, _ b: UnsafeMutablePointer<Float>,
                        _ dst: UnsafeMutablePointer<Float>, _ n: Int,
                        _ f: (Float16Lanes, Float16Lanes) -> Float16Lanes) {
        OpProfile.measure(.elementwise) {
            Parallel.forEachRange((n + 15) / 16, floatsPerItem: 16) { blocks in
                let start = blocks.lowerBound * 16
                let end = min(n, blocks.upperBound * 16)
                combineSerial(a + start, b + start, dst + start, end - start, f)
            }
        }
    }

    /// dst[i] = f(a[i], b[i]) sixteen at a time on the calling thread.
    @inline(__always)
    static func combineSerial(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
                              _ dst: UnsafeMutablePointer<Float>, _ n: Int,
                              _ f: (Float16Lanes, Float16Lanes) -> Float16Lanes) {
        var i = 0
        while i + 16 <= n {
            VectorMath.store(f(VectorMath.load(a + i), VectorMath.load(b + i)), dst + i)
            i += 16
        }
        if i < n {
            let rest = n - i
            VectorMath.storePartial(f(VectorMath.loadPartial(a + i, rest),
                                      VectorMath.loadPartial(b + i, rest)), dst + i, rest)
        }
    }
}
