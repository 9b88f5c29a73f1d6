import Foundation

/// The shape of one image's latent noise, `[channels, height, width]`.
public struct NoiseShape: Equatable, Sendable {
    public var channels: Int
    public var height: Int
    public var width: Int

    public init(channels: Int, height: Int, width: Int) {
        self.channels = channels
        self.height = height
        self.width = width
    }

    public var count: Int { channels * height * width }
}

/// A1111's variation seeds and seed resize as a noise stream.
///
/// Port of A1111 `modules/rng.py` `ImageRNG.first` / `.next`. The first draw of `shape`:
/// - the main noise: call 0 of the seed's stream — or, with `resizeFrom`, a fresh stream of the
///   seed drawn at `resizeFrom`'s shape (`randn(seed, noise_shape)`);
/// - with a variation (`strength != 0`): a fresh stream of the variation seed drawn at that same
///   shape, and `noise = slerp(strength, noise, subnoise)`;
/// - with `resizeFrom`: call 0 of the seed's stream at the real shape, and the small noise
///   pasted into its centre (cropped when larger).
/// Every later draw (ancestral and SDE noise) continues the seed's own stream, as
/// `ImageRNG.next` does with its per-seed generator.
public struct VariationNoise<Source: NoiseSource>: NoiseSource {
    private var main: Source
    private let fresh: (UInt64) -> Source
    private let seed: UInt64
    private let variationSeed: UInt64
    private let strength: Float
    private let shape: NoiseShape
    private let resizeFrom: NoiseShape?
    private var drewFirst = false

    /// `fresh(s)` makes a new stream seeded with `s` (torch's CPU generator, or Philox for NV);
    /// `resizeFrom` is the latent shape of the seed-resize size (A1111's `h // 8, w // 8`).
    public init(seed: UInt64, variationSeed: UInt64, strength: Float, shape: NoiseShape, resizeFrom: NoiseShape?,
                fresh: @escaping (UInt64) -> Source) {
        self.main = fresh(seed)
        self.fresh = fresh
        self.seed = seed
        self.variationSeed = variationSeed
        self.strength = strength
        self.shape = shape
        self.resizeFrom = resizeFrom == shape ? nil : resizeFrom
    }

    public mutating func randn(_ count: Int) -> [Float] {
        guard !drewFirst, count == shape.count else { return main.randn(count) }
        drewFirst = true
        let noiseShape = resizeFrom ?? shape
        var noise: [Float]
        if resizeFrom != nil {
            var own = fresh(seed)
            noise = own.randn(noiseShape.count)
        } else {
            noise = main.randn(shape.count)
        }
        if strength != 0 {
            var sub = fresh(variationSeed)
            noise = Self.slerp(strength, noise, sub.randn(noiseShape.count), shape: noiseShape)
        }
        guard let small = resizeFrom else { return noise }
        return Self.pasteCentred(small: noise, shape: small, into: main.randn(shape.count), shape: shape)
    }

    /// A1111 `modules/rng.py` `slerp(val, low, high)` on one image's noise `[C, H, W]`: the
    /// norms and dot products run over dim 1 (H), one angle per (c, w) column;
    /// `res = sin((1−val)·ω)/sin ω · low + sin(val·ω)/sin ω · high` with `ω = acos(dot)`. When
    /// the mean dot is above 0.9995 A1111 falls back to `low·val + high·(1−val)` — its weights,
    /// kept as written (the two noises are then nearly equal, so the swap hardly shows).
    /// A column whose dot rounds outside [−1, 1], or whose sine is 0, takes the linear blend
    /// `low·(1−val) + high·val` instead of a NaN.
    public static func slerp(_ val: Float, _ low: [Float], _ high: [Float], shape: NoiseShape) -> [Float] {
        let (c, h, w) = (shape.channels, shape.height, shape.width)
        precondition(low.count == shape.count && high.count == shape.count)
        var dots = [Double](repeating: 0, count: c * w)                                       // [C, W]
        for ci in 0..<c {
            for wi in 0..<w {
                var (ll, hh, lh) = (0.0, 0.0, 0.0)
                for hi in 0..<h {
                    let i = (ci * h + hi) * w + wi
                    let (a, b) = (Double(low[i]), Double(high[i]))
                    ll += a * a
                    hh += b * b
                    lh += a * b
                }
                dots[ci * w + wi] = lh / (ll.squareRoot() * hh.squareRoot())
            }
        }
        let v = Double(val)
        if dots.reduce(0, +) / Double(max(dots.count, 1)) > 0.9995 {
            return zip(low, high).map { Float(Double($0) * v + Double($1) * (1 - v)) }
        }
        var out = [Float](repeating: 0, count: shape.count)
        for ci in 0..<c {
            for wi in 0..<w {
                let dot = dots[ci * w + wi]
                let omega = acos(min(max(dot, -1), 1))
                let so = sin(omega)
                let (wl, wh) = so == 0 || abs(dot) > 1 ? (1 - v, v) : (sin((1 - v) * omega) / so, sin(v * omega) / so)
                for hi in 0..<h {
                    let i = (ci * h + hi) * w + wi
                    out[i] = Float(wl * Double(low[i]) + wh * Double(high[i]))
                }
            }
        }
        return out
    }

    /// A1111 `ImageRNG.first`'s seed-resize paste: `dx = (W − w)//2`, `dy = (H − h)//2`
    /// (floor division); the overlap of the small noise, centred, overwrites the big noise.
    public static func pasteCentred(small: [Float], shape s: NoiseShape, into big: [Float], shape b: NoiseShape) -> [Float] {
        var x = big
        let dx = floorDiv(b.width - s.width, 2), dy = floorDiv(b.height - s.height, 2)
        let w = dx >= 0 ? s.width : s.width + 2 * dx
        let h = dy >= 0 ? s.height : s.height + 2 * dy
        let (tx, ty) = (max(dx, 0), max(dy, 0))
        let (sx, sy) = (max(-dx, 0), max(-dy, 0))
        guard w > 0, h > 0 else { return x }
        for c in 0..<min(s.channels, b.channels) {
            for row in 0..<h {
                for col in 0..<w {
                    x[(c * b.height + ty + row) * b.width + tx + col] = small[(c * s.height + sy + row) * s.width + sx + col]
                }
            }
        }
        return x
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int { Int((Double(a) / Double(b)).rounded(.down)) }
}
