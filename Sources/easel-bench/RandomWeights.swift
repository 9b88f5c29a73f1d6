import Models
import Tensor

/// Random weights for any requested name and shape, scaled so activations stay of order one
/// through a deep network: matrices and kernels uniform with variance 1/fan-in, norm scales
/// near 1, biases near 0, embeddings of CLIP's 0.02 scale. Each tensor is seeded from its
/// name, so a run is reproducible.
struct RandomWeights: WeightSource {
    struct MissingShape: Error, CustomStringConvertible {
        let key: String
        var description: String { "random weights need a shape for \(key)" }
    }

    func tensor(_ key: String, shape: [Int]?) throws -> Tensor {
        guard let shape else { throw MissingShape(key: key) }
        let t = Tensor(uninitialized: shape)
        let (center, halfWidth) = distribution(key, shape)
        fill(t, seed: seed(key), center: center, halfWidth: halfWidth)
        return t
    }

    private func distribution(_ key: String, _ shape: [Int]) -> (Float, Float) {
        if key.hasSuffix("embedding.weight") { return (0, 0.02 * Float(3).squareRoot()) }
        if shape.count == 1 {
            let isNormScale = key.hasSuffix("weight") // rank-1 weights are norm scales
            return isNormScale ? (1, 0.1) : (0, 0.02)
        }
        let fanIn = shape.dropFirst().reduce(1, *)
        return (0, (3 / Float(fanIn)).squareRoot())
    }

    /// FNV-1a of the key.
    private func seed(_ key: String) -> UInt64 {
        key.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    /// Uniform values in [center − halfWidth, center + halfWidth) from a splitmix64 stream per
    /// block of 64 Ki values, filled in parallel.
    private func fill(_ t: Tensor, seed: UInt64, center: Float, halfWidth: Float) {
        let count = t.count, p = t.pointer
        let block = 1 << 16
        Parallel.forEachRange((count + block - 1) / block) { blocks in
            for b in blocks {
                var state = seed &+ UInt64(b) &* 0x9E37_79B9_7F4A_7C15
                for i in b * block..<min(count, (b + 1) * block) {
                    state &+= 0x9E37_79B9_7F4A_7C15
                    var z = state
                    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                    z ^= z >> 31
                    let unit = Float(z >> 40) * (1 / Float(1 << 24))   // [0, 1)
                    p[i] = center + halfWidth * (2 * unit - 1)
                }
            }
        }
    }
}
