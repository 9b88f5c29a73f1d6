/// A noise schedule (sigmas ending in 0), named by its canonical id (ComfyUI's spelling).
/// Its other names come from `SamplerCatalog`; the sigma computation lives in `Sampling`
/// (`Schedule.sigmas(steps:model:)`).
public enum Schedule: String, CaseIterable, Sendable {
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

    /// The schedule with canonical id `id` exactly (no other names), or
    /// `CatalogError.unknownScheduleID`.
    public init(id: String) throws {
        guard let schedule = Schedule(rawValue: id) else { throw CatalogError.unknownScheduleID(id) }
        self = schedule
    }

    /// The schedule a name means: the canonical id, A1111's "Schedule type" label, an alias or
    /// the ComfyUI name, ignoring case and surrounding spaces. "Automatic" is not a schedule
    /// (it depends on the sampler; see `SamplerCatalog.isAutomaticSchedule(_:)`).
    public init?(name: String) {
        guard let entry = SamplerCatalog.scheduleEntry(named: name) else { return nil }
        self = entry.schedule
    }

    /// The canonical id, e.g. `sgm_uniform`.
    public var id: String { rawValue }

    /// This schedule's row in `SamplerCatalog.schedules`.
    public var entry: SamplerCatalog.ScheduleEntry { SamplerCatalog.entry(for: self) }

    /// A1111's "Schedule type" label, e.g. `SGM Uniform` (infotext, A1111 API `scheduler`).
    public var displayName: String { entry.displayName }

    /// ComfyUI's KSampler `scheduler`, e.g. `sgm_uniform`.
    public var comfyUIName: String { entry.comfyUIName }
}
