/// The Mersenne Twister behind torch's CPU generator.
///
/// Port of `at::mt19937` (PyTorch `aten/src/ATen/core/MT19937RNGEngine.h`): the reference
/// MT19937 of Matsumoto and Nishimura, seeded with Knuth's initialiser from the low 32 bits of
/// a 64-bit seed (`init_with_uint32`: `state[0] = seed & 0xffffffff`). As in torch, a freshly
/// seeded engine has `left = 1`, so the first draw regenerates the state.
struct TorchMT19937 {
    private static let n = 624
    private static let m = 397
    private static let matrixA: UInt32 = 0x9908_B0DF
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7FFF_FFFF

    private var state: [UInt32]
    private var left: Int
    private var next: Int

    /// `at::mt19937(seed)`: only the low 32 bits of `seed` reach the state.
    init(seed: UInt64) {
        var state = [UInt32](repeating: 0, count: Self.n)
        state[0] = UInt32(truncatingIfNeeded: seed)
        for j in 1..<Self.n {
            let previous = state[j - 1]
            state[j] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(j)
        }
        self.state = state
        self.left = 1
        self.next = 0
    }

    /// One tempered 32-bit output (`at::mt19937::operator()`).
    mutating func nextUInt32() -> UInt32 {
        left -= 1
        if left == 0 { regenerate() }
        var y = state[next]
        next += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// `next_state()`: twists all 624 words at once.
    private mutating func regenerate() {
        left = Self.n
        next = 0
        state.withUnsafeMutableBufferPointer { s in
            for i in 0..<Self.n {
                let mixed = (s[i] & Self.upperMask) | (s[(i + 1) % Self.n] & Self.lowerMask)
                let twisted = (mixed >> 1) ^ ((s[(i + 1) % Self.n] & 1) != 0 ? Self.matrixA : 0)
                s[i] = s[(i + Self.m) % Self.n] ^ twisted
            }
        }
    }
}
