/// A k-diffusion sampler, named by its canonical id (the `k_diffusion.sampling.sample_*`
/// function name without the prefix, as A1111 abbreviates it). Every other name, and what the
/// sampler is like (stochastic, model evaluations per step), comes from `SamplerCatalog`.
/// The functions that run it live in `Sampling` (`Sampler.function`, `Sampler.sample`).
public enum Sampler: String, CaseIterable, Sendable {
    case euler
    case eulerA = "euler_a"
    case heun
    case dpm2
    case dpm2A = "dpm2_a"
    case lms
    case dpmpp2sA = "dpmpp_2s_a"
    case dpmpp2m = "dpmpp_2m"
    case dpmppSDE = "dpmpp_sde"
    case dpmpp2mSDE = "dpmpp_2m_sde"

    /// The sampler with canonical id `id` exactly (no other names), or
    /// `CatalogError.unknownSamplerID`.
    public init(id: String) throws {
        guard let sampler = Sampler(rawValue: id) else { throw CatalogError.unknownSamplerID(id) }
        self = sampler
    }

    /// The sampler a single name means: the canonical id, the A1111 display name, an alias or
    /// the ComfyUI name, ignoring case and surrounding spaces. A combined name such as
    /// "DPM++ 2M Karras" is not a sampler name here; see `SamplerCatalog.sampler(named:)`.
    public init?(name: String) {
        guard let entry = SamplerCatalog.samplerEntry(named: name) else { return nil }
        self = entry.sampler
    }

    /// The canonical id, e.g. `euler_a`.
    public var id: String { rawValue }

    /// This sampler's row in `SamplerCatalog.samplers`.
    public var entry: SamplerCatalog.SamplerEntry { SamplerCatalog.entry(for: self) }

    /// A1111's display name, e.g. `Euler a` (infotext, A1111 API `sampler_name`).
    public var displayName: String { entry.displayName }

    /// ComfyUI's KSampler `sampler_name`, e.g. `euler_ancestral`.
    public var comfyUIName: String { entry.comfyUIName }

    /// What A1111's "Automatic" schedule type means for this sampler.
    public var automaticSchedule: Schedule { entry.automaticSchedule }

    /// Whether the sampler draws noise after the initial latent (ancestral and SDE samplers).
    public var isStochastic: Bool { entry.isStochastic }

    /// Model evaluations per step (the last step to σ = 0 may take fewer).
    public var evaluationsPerStep: Int { entry.evaluationsPerStep }
}
