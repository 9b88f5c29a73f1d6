/// A stream of standard-normal noise.
///
/// Samplers draw their ancestral / SDE noise from one of these, and the pipeline draws the
/// initial latent noise from the same stream first, so an image is reproducible from its seed
/// alone (ComfyUI and the reference fixtures do the same with torch's CPU generator).
public protocol NoiseSource {
    /// The next `count` samples of N(0, 1), in stream order.
    mutating func randn(_ count: Int) -> [Float]
}

/// Any noise source as a concrete type, for generic streams (`VariationNoise`) over a
/// generator chosen at run time.
public struct AnyNoiseSource: NoiseSource {
    private var base: any NoiseSource

    public init(_ base: any NoiseSource) { self.base = base }

    public mutating func randn(_ count: Int) -> [Float] { base.randn(count) }
}
