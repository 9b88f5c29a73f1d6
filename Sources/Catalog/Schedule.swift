/// A noise schedule (sigmas ending in 0), named by its canonical id (ComfyUI's spelling).
/// Its other names come from `SamplerCatalog`; the sigma computation lives in `Sampling`
/// (`Schedule.sigmas(steps:model:)`).
public enum Schedule: String, CatalogItem {
    /// k-diffusion `get_sigmas(n)`: linear in timestep, log-sigma interpolation
    /// (A1111 "Uniform"/"Normal", ComfyUI `normal`).
    case normal
    /// k-diffusion `get_sigmas_karras` with ρ = 7.
    case karras
    /// k-diffusion `get_sigmas_exponential`.
    case exponential
    /// A1111 `sd_schedulers.sgm_uniform`, ComfyUI `sgm_uniform`.
    case sgmUniform = "sgm_uniform"
    /// A1111 `sd_schedulers.simple_scheduler`, ComfyUI `simple`.
    case simple
    /// diffusers `timestep_spacing="trailing"` (SDXL-Turbo, SDXL-Lightning): timesteps
    /// `round(arange(T, 0, −T/n)) − 1`, so the first step starts at the last timestep.
    case trailing

    public static var entries: [SamplerCatalog.ScheduleEntry] { SamplerCatalog.schedules }
    public static func unknownID(_ id: String) -> CatalogError { .unknownScheduleID(id) }
}
