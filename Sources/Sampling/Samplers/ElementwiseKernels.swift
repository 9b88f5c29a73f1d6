/// Element-wise update kernels for the samplers: single passes over contiguous `[Float]`
/// buffers that the optimiser vectorises. Each mirrors one line of k-diffusion's tensor code,
/// in the same float32 operation order.
enum Elementwise {
    /// `to_d`: `(x − denoised) / σ`.
    static func derivative(x: [Float], denoised: [Float], sigma: Float) -> [Float] {
        combine(x, denoised) { ($0 - $1) / sigma }
    }

    /// `x + d·dt`.
    static func step(_ x: [Float], along d: [Float], by dt: Float) -> [Float] {
        combine(x, d) { $0 + $1 * dt }
    }

    /// `a·x − b·y` (the exponential-integrator update `(σ'/σ)·x − expm1(−h)·D`).
    static func linear(_ a: Float, _ x: [Float], minus b: Float, _ y: [Float]) -> [Float] {
        combine(x, y) { a * $0 - b * $1 }
    }

    /// `x + noise·scale`, drawing `x.count` samples from `noise`.
    static func addNoise(_ x: [Float], from noise: inout any NoiseSource, scale: Float) throws -> [Float] {
        let draw = noise.randn(x.count)
        guard draw.count == x.count else {
            throw SamplingError.noiseSourceCount(expected: x.count, got: draw.count)
        }
        return combine(x, draw) { $0 + $1 * scale }
    }

    /// `body(a[i], b[i])` for every i.
    @inline(__always)
    static func combine(_ a: [Float], _ b: [Float], _ body: (Float, Float) -> Float) -> [Float] {
        precondition(a.count == b.count)
        return [Float](unsafeUninitializedCapacity: a.count) { out, initialized in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    for i in 0..<a.count { out[i] = body(a[i], b[i]) }
                }
            }
            initialized = a.count
        }
    }

    /// `body(a[i], b[i], c[i])` for every i.
    @inline(__always)
    static func combine(_ a: [Float], _ b: [Float], _ c: [Float],
                        _ body: (Float, Float, Float) -> Float) -> [Float] {
        precondition(a.count == b.count && a.count == c.count)
        return [Float](unsafeUninitializedCapacity: a.count) { out, initialized in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    c.withUnsafeBufferPointer { c in
                        for i in 0..<a.count { out[i] = body(a[i], b[i], c[i]) }
                    }
                }
            }
            initialized = a.count
        }
    }
}
