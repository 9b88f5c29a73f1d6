/// Noise for a batch sampled as one array: image i's share of every draw comes from its own
/// stream, so a batch renders the same images as sampling each image alone with its own seed
/// (A1111 and ComfyUI give image i of a batch the seed `seed + i`).
///
/// A draw of `count` values returns `count / streams.count` values from each stream in turn;
/// a count that does not split evenly returns nothing, which samplers report as an error.
public struct BatchNoise<Source: NoiseSource>: NoiseSource {
    public private(set) var streams: [Source]

    public init(streams: [Source]) {
        self.streams = streams
    }

    public mutating func randn(_ count: Int) -> [Float] {
        guard !streams.isEmpty, count % streams.count == 0 else { return [] }
        let share = count / streams.count
        var out: [Float] = []
        out.reserveCapacity(count)
        for i in streams.indices { out += streams[i].randn(share) }
        return out
    }
}

extension BatchNoise where Source == TorchCPUGenerator {
    /// One torch generator per image, seeded `seed`, `seed + 1`, … (wrapping at 2⁶⁴).
    public init(seed: UInt64, count: Int) {
        self.init(streams: (0..<max(count, 0)).map { TorchCPUGenerator(seed: seed &+ UInt64($0)) })
    }
}
