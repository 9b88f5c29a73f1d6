/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014; the constants of Vigna's `splitmix64.c`): Easel's one small seeded generator.
/// The same seed gives the same numbers on every machine: the workbench's new seeds, the
/// wildcard choices, and `easel-fuzz`'s inputs come from it.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator's whole state; a generator made with `seed: state` continues from here.
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double in [0, 1) from the top 53 bits.
    public mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
