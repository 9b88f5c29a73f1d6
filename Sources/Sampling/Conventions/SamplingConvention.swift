/// The three places where a sampling run of ComfyUI differs from one of k-diffusion (and A1111,
/// whose samplers are k-diffusion's) with the same seed, sampler and schedule: how the start
/// noise is scaled, where the sampler's own noise comes from, and at which timestep the
/// discrete model is called. A run takes one of these values; nothing else in the pipeline
/// asks which program it imitates.
public struct SamplingConvention: Equatable, Sendable {
    public var startNoise: StartNoiseScaling
    public var samplerNoise: SamplerNoiseStream
    public var timestep: TimestepRule

    /// k-diffusion 0.1.1 and A1111: `x = noise·σ₀`, ancestral noise continues the seed's stream
    /// (A1111 `modules/rng.py` `ImageRNG.next`), the model at `sigma_to_t(σ)` (interpolated).
    public static let kDiffusion = SamplingConvention(startNoise: .sigma, samplerNoise: .continuesStartNoise,
                                                      timestep: .interpolated)

    /// ComfyUI 0.3.64 (`../shared/comfyui`, KSampler): `x = noise·√(1 + σ₀²)` on a full
    /// denoise, ancestral noise from a second generator seeded with the same seed, the model
    /// at the nearest of its 1000 timesteps.
    public static let comfyUI = SamplingConvention(startNoise: .comfyUI, samplerNoise: .reseeded,
                                                   timestep: .nearestDiscrete)
}
