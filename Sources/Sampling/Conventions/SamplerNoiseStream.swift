/// Where a sampler's own noise (ancestral steps, SDE increments) comes from, relative to the
/// start noise of the same run.
public enum SamplerNoiseStream: Equatable, Sendable {
    /// The seed's stream continued after the start noise: k-diffusion's `torch.randn_like`
    /// on the global generator, A1111 `modules/rng.py` `ImageRNG.next`.
    case continuesStartNoise
    /// A second generator seeded with the **same** seed, so the first sampler draw repeats the
    /// start noise. ComfyUI 0.3.64: `nodes.py` `common_ksampler` draws the start noise with
    /// `comfy/sample.py` `prepare_noise` (`torch.manual_seed(seed)`) and passes the same
    /// `seed` to `comfy.sample.sample`, which `comfy/samplers.py` `CFGGuider.inner_sample` puts
    /// into `extra_args["seed"]` unchanged; `comfy/k_diffusion/sampling.py`
    /// `sample_euler_ancestral` (and the other ancestral samplers) call
    /// `default_noise_sampler(x, seed=extra_args["seed"])`, a new `torch.Generator` with
    /// `manual_seed(seed)`. Issue 13 says "seed + 1": that is `comfy/samplers.py` `KSAMPLER.sample`'s
    /// inpainting noise (`inpaint_options["random"]`, `torch.manual_seed(seed + 1)`), used only by
    /// samplers built with that option, not the ancestral noise. Against the pinned server an
    /// earlier (lost) branch measured seed + 1 up to 95 levels off on euler_ancestral; the same
    /// seed is within 1 level (`ComfyUISeedParityTests`: max 1, mean 0.458).
    /// (ComfyUI's SDE samplers use a seeded Brownian tree, which Easel does not have.)
    case reseeded

    /// The stream a run draws from: its first draw (the start noise) from `start`, later draws
    /// from `start` continued or, when reseeded, from `fresh()`.
    public func stream(start: any NoiseSource, fresh: () -> any NoiseSource) -> any NoiseSource {
        switch self {
        case .continuesStartNoise: return start
        case .reseeded: return SeparateSamplerNoise(start: start, sampler: fresh())
        }
    }
}

/// A noise stream whose first draw comes from one source (the start noise) and every later
/// draw from another (the sampler's noise): ComfyUI's two generators as one `NoiseSource`.
public struct SeparateSamplerNoise: NoiseSource {
    private var start: any NoiseSource
    private var sampler: any NoiseSource
    private var drewStart = false

    public init(start: any NoiseSource, sampler: any NoiseSource) {
        self.start = start
        self.sampler = sampler
    }

    public mutating func randn(_ count: Int) -> [Float] {
        guard drewStart else {
            drewStart = true
            return start.randn(count)
        }
        return sampler.randn(count)
    }
}
