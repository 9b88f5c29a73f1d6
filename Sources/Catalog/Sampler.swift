/// A k-diffusion sampler, named by its canonical id (the `k_diffusion.sampling.sample_*`
/// function name without the prefix, as A1111 abbreviates it). Every other name, and what the
/// sampler is like (stochastic, model evaluations per step), comes from `SamplerCatalog`.
/// The functions that run it live in `Sampling` (`Sampler.function`, `Sampler.sample`).
public enum Sampler: String, CatalogItem {
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
    case lcm

    public static var entries: [SamplerCatalog.SamplerEntry] { SamplerCatalog.samplers }
    public static func unknownID(_ id: String) -> CatalogError { .unknownSamplerID(id) }

    /// What A1111's "Automatic" schedule type means for this sampler.
    public var automaticSchedule: Schedule { entry.automaticSchedule }

    /// Whether the sampler draws noise after the initial latent (ancestral and SDE samplers).
    public var isStochastic: Bool { entry.isStochastic }

    /// Model evaluations per step (the last step to σ = 0 may take fewer).
    public var evaluationsPerStep: Int { entry.evaluationsPerStep }
}
