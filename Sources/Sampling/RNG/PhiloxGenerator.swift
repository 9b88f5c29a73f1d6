import Foundation

/// A1111's "NV" noise source: its numpy imitation of `torch.randn(…, device="cuda")`, Philox
/// 4×32 with 10 rounds, then one Box–Muller value per counter.
///
/// Reference: AUTOMATIC1111/stable-diffusion-webui `modules/rng_philox.py` (`philox4_round`,
/// `philox4_32`, `box_muller`, `Generator.randn`). Each `randn` call is one counter offset,
/// whatever its size: element i of call k uses counter `[k, 0, i, 0]` and key
/// `[seed low 32 bits, seed high 32 bits]`. Box–Muller runs in float64 (numpy promotes the
/// uint32 counters times A1111's float32 constants to float64) and rounds to float32 at the end.
public struct PhiloxGenerator: NoiseSource {
    public let seed: UInt64
    /// The next call's counter offset.
    public private(set) var offset: UInt32 = 0

    /// `philox_m`, `philox_w`.
    static let multipliers: (UInt32, UInt32) = (0xD251_1F53, 0xCD9E_8D57)
    static let weyl: (UInt32, UInt32) = (0x9E37_79B9, 0xBB67_AE85)
    /// `two_pow32_inv` and `two_pow32_inv_2pi`, float32 constants as A1111 writes them.
    static let inverse32 = Double(Float(2.3283064e-10))
    static let inverse32TwoPi = Double(Float(2.3283064e-10 * 6.2831855))

    public init(seed: UInt64) { self.seed = seed }

    public mutating func randn(_ count: Int) -> [Float] {
        let key = (UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32))
        let call = offset
        offset &+= 1
        return (0..<count).map { i in
            let (x, y) = Self.philox(counter: (call, 0, UInt32(truncatingIfNeeded: i), 0), key: key)
            return Self.boxMuller(x, y)
        }
    }

    /// `philox4_32`: ten rounds, the key bumped by the Weyl constants between rounds; the
    /// first two output words (A1111 discards the other two).
    static func philox(counter start: (UInt32, UInt32, UInt32, UInt32), key start2: (UInt32, UInt32)) -> (UInt32, UInt32) {
        var c = start, k = start2
        for round in 0..<10 {
            if round > 0 { k = (k.0 &+ weyl.0, k.1 &+ weyl.1) }
            let p1 = UInt64(c.0) &* UInt64(multipliers.0)   // v1
            let p2 = UInt64(c.2) &* UInt64(multipliers.1)   // v2
            c = (UInt32(p2 >> 32) ^ c.1 ^ k.0, UInt32(truncatingIfNeeded: p2),
                 UInt32(p1 >> 32) ^ c.3 ^ k.1, UInt32(truncatingIfNeeded: p1))
        }
        return (c.0, c.1)
    }

    /// `box_muller`: u = x·2⁻³² + 2⁻³³, v = y·2π·2⁻³² + π·2⁻³², √(−2 ln u)·sin v.
    static func boxMuller(_ x: UInt32, _ y: UInt32) -> Float {
        let u = Double(x) * inverse32 + inverse32 / 2
        let v = Double(y) * inverse32TwoPi + inverse32TwoPi / 2
        return Float((-2 * log(u)).squareRoot() * sin(v))
    }
}
