import Foundation

/// torch's CPU random generator, bit for bit: `torch.Generator().manual_seed(seed)` followed by
/// `torch.randn(shape, generator=g)` for float32.
///
/// References (PyTorch): `aten/src/ATen/CPUGeneratorImpl.cpp` (`set_current_seed`, `random`,
/// `random64`), `aten/src/ATen/core/DistributionsHelper.h` (`uniform_real_distribution`,
/// `normal_distribution`), `aten/src/ATen/core/TransformationHelper.h` (`uniform_real`) and
/// `aten/src/ATen/native/cpu/DistributionTemplates.h` (`normal_kernel`, `normal_fill_AVX2`).
///
/// `randn` takes one of two paths, chosen by the element count as torch does:
/// - fewer than 16: one `normal_distribution<double>` draw per element (Box–Muller on two
///   53-bit uniforms, `r = √(−2·log1p(−u2))`, θ = 2π·u1), whose second value `r·sin θ` is
///   cached on the generator and returned by the next draw, even in a later `randn` call;
/// - 16 or more: `normal_fill`: fill the whole buffer with 24-bit float uniforms, Box–Muller
///   each block of 16 in place (pairing j with j+8, float32 Cephes log/sincos with FMA), and
///   when the count is not a multiple of 16, draw 16 fresh uniforms for the last 16 slots and
///   transform them again.
///
/// The ≥ 16 path matches x86-64 builds of torch (the AVX2 kernel that ComfyUI, A1111 and the
/// fixtures ran); torch builds without AVX2 use libm there and can differ in the last bit.
public struct TorchCPUGenerator: NoiseSource {
    /// The seed as given; torch keeps only its low 32 bits for the Mersenne Twister state.
    public let seed: UInt64
    private var engine: TorchMT19937
    private var cachedNormal: Double?

    /// `manual_seed(seed)`: a fresh engine and an empty Box–Muller cache.
    public init(seed: UInt64) {
        self.seed = seed
        self.engine = TorchMT19937(seed: seed)
        self.cachedNormal = nil
    }

    /// `CPUGeneratorImpl::random()`: one 32-bit draw.
    public mutating func nextUInt32() -> UInt32 { engine.nextUInt32() }

    /// `CPUGeneratorImpl::random64()`: two 32-bit draws, the first in the high half.
    public mutating func nextUInt64() -> UInt64 {
        let high = UInt64(engine.nextUInt32())
        let low = UInt64(engine.nextUInt32())
        return (high << 32) | low
    }

    /// `uniform_real_distribution<float>(0, 1)`: 24 random bits scaled by 2⁻²⁴.
    public mutating func uniformFloat() -> Float {
        Float(nextUInt32() & 0x00FF_FFFF) * (1 / Float(1 << 24))
    }

    /// `uniform_real_distribution<double>(0, 1)`: 53 random bits scaled by 2⁻⁵³.
    public mutating func uniformDouble() -> Double {
        Double(nextUInt64() & ((1 << 53) - 1)) * (1 / Double(UInt64(1) << 53))
    }

    /// `normal_distribution<double>(0, 1)` with torch's cached second Box–Muller value.
    public mutating func normalDouble() -> Double {
        if let cached = cachedNormal {
            cachedNormal = nil
            return cached
        }
        let u1 = uniformDouble()
        let u2 = uniformDouble()
        let radius = (-2.0 * log1p(-u2)).squareRoot()
        let theta = 2.0 * Double.pi * u1
        cachedNormal = radius * sin(theta)
        return radius * cos(theta)
    }

    /// `torch.randn(count, generator=self)` for float32; the stream continues across calls.
    public mutating func randn(_ count: Int) -> [Float] {
        guard count > 0 else { return [] }
        if count < 16 {
            // `transformation::normal(val, mean 0, std 1)` then a cast to float.
            return (0..<count).map { _ in Float(normalDouble() * 1 + 0) }
        }
        var data = [Float](repeating: 0, count: count)
        data.withUnsafeMutableBufferPointer { buffer in
            for i in 0..<count { buffer[i] = uniformFloat() }
            var start = 0
            while start + 16 <= count {
                Self.normalFill16(buffer, at: start)
                start += 16
            }
            if count % 16 != 0 {
                for i in (count - 16)..<count { buffer[i] = uniformFloat() }
                Self.normalFill16(buffer, at: count - 16)
            }
        }
        return data
    }

    /// `normal_fill_16_AVX2` with mean 0 and std 1: Box–Muller over the pairs (j, j+8).
    private static func normalFill16(_ data: UnsafeMutableBufferPointer<Float>, at start: Int) {
        let twoPi = Float(2.0 * Double.pi)
        for j in start..<(start + 8) {
            let u1 = 1 - data[j]  // [0, 1) → (0, 1] for the log
            let u2 = data[j + 8]
            let radius = (-2 * AVXMathfunLane.log(u1)).squareRoot()
            let (sine, cosine) = AVXMathfunLane.sincos(twoPi * u2)
            // `_mm256_fmadd_ps(n, std, mean)` with std 1, mean 0 (turns −0 into +0).
            data[j] = (radius * cosine) + 0
            data[j + 8] = (radius * sine) + 0
        }
    }
}
