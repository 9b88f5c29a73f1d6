/// One lane of the Cephes-style `log256_ps` / `sincos256_ps` that torch's CPU `randn` uses.
///
/// Port of PyTorch `aten/src/ATen/native/cpu/avx_mathfun.h` (after Julien Pommier's
/// sse_mathfun / Giovanni Garberoglio's AVX version), as called by `normal_fill_16_AVX2` in
/// `aten/src/ATen/native/cpu/DistributionTemplates.h`. These are float32 polynomial
/// approximations, not libm, and the shipped torch wheels are compiled with FMA contraction:
/// every multiply that feeds an add is fused, and where an add has two multiply operands the
/// *first* one is fused (`fma(y, z, e·q1)`, `fma(y, z, −(z·0.5))`). Both facts change the last
/// bit, so the operations below are spelled out one by one with explicit `addingProduct`
/// (a fused multiply-add); Swift never contracts on its own.
enum AVXMathfunLane {
    /// `log256_ps` for one float; NaN for inputs ≤ 0.
    static func log(_ input: Float) -> Float {
        if !(input > 0) { return .nan }
        var x = max(input, Float(bitPattern: 0x0080_0000))  // cut off denormals
        let bits = x.bitPattern
        let exponent = Int32(bitPattern: bits >> 23) - 0x7F
        x = Float(bitPattern: (bits & ~UInt32(0x7F80_0000)) | Float(0.5).bitPattern)
        var e = Float(exponent) + 1
        let belowSqrtHalf = x < Float(0.707106781186547524)
        let tmp: Float = belowSqrtHalf ? x : 0
        x = x - 1
        if belowSqrtHalf { e = e - 1 }
        x = x + tmp

        let z = x * x
        var y = Float(-1.1514610310E-1).addingProduct(Float(7.0376836292E-2), x)
        y = Float(1.1676998740E-1).addingProduct(y, x)
        y = Float(-1.2420140846E-1).addingProduct(y, x)
        y = Float(1.4249322787E-1).addingProduct(y, x)
        y = Float(-1.6668057665E-1).addingProduct(y, x)
        y = Float(2.0000714765E-1).addingProduct(y, x)
        y = Float(-2.4999993993E-1).addingProduct(y, x)
        y = Float(3.3333331174E-1).addingProduct(y, x)
        y = y * x
        y = (e * Float(-2.12194440e-4)).addingProduct(y, z)
        y = y.addingProduct(-z, Float(0.5))
        x = x + y
        x = x.addingProduct(e, Float(0.693359375))
        return x
    }

    /// `sincos256_ps` for one float: `(sin θ, cos θ)`.
    static func sincos(_ theta: Float) -> (sin: Float, cos: Float) {
        var signSin = theta.bitPattern & 0x8000_0000
        var x = Float(bitPattern: theta.bitPattern & 0x7FFF_FFFF)

        // Scale by 4/π, round the octant up to even (`j = (j + 1) & ~1`, cephes).
        let scaled = x * Float(1.27323954473516)
        var octant = Int32(scaled)  // _mm256_cvttps_epi32 truncates
        octant = (octant &+ 1) & ~1
        let y = Float(octant)
        let swapSignSin = UInt32(bitPattern: (octant & 4) << 29)
        let usesSinePolynomialForSine = (octant & 2) == 0
        let signCos = UInt32(bitPattern: (~(octant &- 2) & 4) << 29)
        signSin ^= swapSignSin

        // Extended-precision modular arithmetic: x = ((x − y·DP1) − y·DP2) − y·DP3.
        x = x.addingProduct(y, Float(-0.78515625))
        x = x.addingProduct(y, Float(-2.4187564849853515625e-4))
        x = x.addingProduct(y, Float(-3.77489497744594108e-8))

        let z = x * x
        var cosine = Float(-1.388731625493765E-003).addingProduct(Float(2.443315711809948E-005), z)
        cosine = Float(4.166664568298827E-002).addingProduct(cosine, z)
        cosine = cosine * z
        cosine = (-(z * Float(0.5))).addingProduct(cosine, z)
        cosine = cosine + 1

        var sine = Float(8.3321608736E-3).addingProduct(Float(-1.9515295891E-4), z)
        sine = Float(-1.6666654611E-1).addingProduct(sine, z)
        sine = sine * z
        sine = x.addingProduct(sine, x)

        // Blend exactly as the intrinsics do (masked lanes hold +0).
        let sinFromSine: Float = usesSinePolynomialForSine ? sine : 0
        let sinFromCosine: Float = usesSinePolynomialForSine ? 0 : cosine
        let cosFromSine = sine - sinFromSine
        let cosFromCosine = cosine - sinFromCosine
        let sinResult = sinFromCosine + sinFromSine
        let cosResult = cosFromCosine + cosFromSine
        return (Float(bitPattern: sinResult.bitPattern ^ signSin),
                Float(bitPattern: cosResult.bitPattern ^ signCos))
    }
}
