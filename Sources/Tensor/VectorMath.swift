/// Sixteen-lane fp32 math for the elementwise kernels (one AVX-512 register).
public typealias Float16Lanes = SIMD16<Float>

/// Vectorised transcendental functions with float32 accuracy (a few ulp).
public enum VectorMath {
    /// eˣ, Cephes `expf`: reduce to r = x − n·ln2 with |r| ≤ ln2/2 (ln2 split in two parts
    /// for exactness), a degree-6 polynomial for eʳ, then scale by 2ⁿ built in the exponent
    /// bits. Inputs are clamped to [−87.3, 88.3] (so 2ⁿ stays finite), and eˣ of very negative
    /// x is ~1e-38, not 0.
    /// n is rounded to nearest with the 1.5·2²³ trick rather than Cephes' floor(x/ln2 + ½);
    /// both keep |r| ≤ ln2/2, and the trick needs no rounding instruction on baseline x86-64.
    /// Reference: Cephes Math Library, `expf.c`.
    @inline(__always)
    public static func exp(_ x: Float16Lanes) -> Float16Lanes {
        let x = clamp(x, -87.3, 88.3)
        // Adding 1.5·2²³ rounds to an integer and leaves it in the low mantissa bits.
        let shifted = x * 1.44269504088896341 + 12582912.0
        let n = shifted - 12582912.0
        var r = x - n * 0.693359375
        r = r - n * -2.12194440e-4
        var p = Float16Lanes(repeating: 1.9875691500e-4)
        p = p * r + 1.3981999507e-3
        p = p * r + 8.3334519073e-3
        p = p * r + 4.1665795894e-2
        p = p * r + 1.6666665459e-1
        p = p * r + 5.0000001201e-1
        let y = p * r * r + r + 1
        // 2ⁿ: move n from the low mantissa bits into the exponent field.
        let bits = (unsafeBitCast(shifted, to: SIMD16<Int32>.self) &- 0x4B40_0000 &+ 127) &<< 23
        return y * unsafeBitCast(bits, to: Float16Lanes.self)
    }

    /// Lanes of x limited to [low, high] with compare-and-blend (vectorises on any x86-64,
    /// unlike the generic `clamped`/`pointwiseMin`).
    @inline(__always)
    public static func clamp(_ x: Float16Lanes, _ low: Float, _ high: Float) -> Float16Lanes {
        var y = x
        y.replace(with: Float16Lanes(repeating: high), where: x .> high)
        y.replace(with: Float16Lanes(repeating: low), where: x .< low)
        return y
    }

    /// Lane-wise maximum with compare-and-blend.
    @inline(__always)
    public static func maximum(_ a: Float16Lanes, _ b: Float16Lanes) -> Float16Lanes {
        var y = a
        y.replace(with: b, where: b .> a)
        return y
    }

    /// erf(x) as x·P(x²)/Q(x²) on x clamped to [−4, 4] (erf is ±1 in fp32 beyond), absolute
    /// error below 2e-7. Reference: Eigen, `GenericPacketMathFunctions.h`,
    /// `generic_fast_erf_float` (the same coefficients are used by XLA).
    @inline(__always)
    public static func erf(_ x: Float16Lanes) -> Float16Lanes {
        let x = clamp(x, -4, 4)
        let x2 = x * x
        var p = x2 * -2.72614225801306e-10 + 2.77068142495902e-08
        p = x2 * p + -2.10102402082508e-06
        p = x2 * p + -5.69250639462346e-05
        p = x2 * p + -7.34990630326855e-04
        p = x2 * p + -2.95459980854025e-03
        p = x2 * p + -1.60960333262415e-02
        var q = x2 * -1.45660718464996e-05 + -2.13374055278905e-04
        q = x2 * q + -1.68282697438203e-03
        q = x2 * q + -7.37332916720468e-03
        q = x2 * q + -1.42647390514189e-02
        return x * p / q
    }

    /// Loads 16 floats from any address.
    @inline(__always)
    public static func load(_ p: UnsafePointer<Float>) -> Float16Lanes {
        UnsafeRawPointer(p).loadUnaligned(as: Float16Lanes.self)
    }

    /// Stores 16 floats to any address.
    @inline(__always)
    public static func store(_ v: Float16Lanes, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: Float16Lanes.self)
    }

    /// Loads `n` < 16 floats, padding the other lanes with `fill`.
    @inline(__always)
    public static func loadPartial(_ p: UnsafePointer<Float>, _ n: Int, fill: Float = 0) -> Float16Lanes {
        var v = Float16Lanes(repeating: fill)
        for i in 0..<n { v[i] = p[i] }
        return v
    }

    /// Stores the first `n` < 16 lanes.
    @inline(__always)
    public static func storePartial(_ v: Float16Lanes, _ p: UnsafeMutablePointer<Float>, _ n: Int) {
        for i in 0..<n { p[i] = v[i] }
    }

    /// dst[i] = f(src[i]) for i in 0..<n, sixteen at a time (dst may equal src).
    @inline(__always)
    public static func map(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>, _ n: Int,
                           _ f: (Float16Lanes) -> Float16Lanes) {
        var i = 0
        while i + 16 <= n {
            store(f(load(src + i)), dst + i)
            i += 16
        }
        if i < n { storePartial(f(loadPartial(src + i, n - i)), dst + i, n - i) }
    }
}
