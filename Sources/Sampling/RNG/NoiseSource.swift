/// A stream of standard-normal noise.
///
/// Samplers draw their ancestral / SDE noise from one of these, and the pipeline draws the
/// initial latent noise from the same stream first, so an image is reproducible from its seed
/// alone (ComfyUI and the reference fixtures do the same with torch's CPU generator).
public protocol NoiseSource {
    /// The next `count` samples of N(0, 1), in stream order.
    mutating func randn(_ count: Int) -> [Float]
}
