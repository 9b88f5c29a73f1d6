@_exported import Catalog

/// Name lookups for user-typed settings (infotext, flags, settings files), throwing
/// `RenderSettingsError` with the valid names. The names themselves live in `Catalog`'s
/// `SamplerCatalog`.
extension SamplerCatalog {
    /// Resolves a sampler name: a canonical id, an A1111 display name, a ComfyUI name, an alias,
    /// or an old combined name ("DPM++ 2M Karras", "Euler a SGM Uniform"), which also sets the
    /// schedule. Matching ignores case and surrounding spaces.
    public static func lookup(_ name: String) throws -> (sampler: Sampler, schedule: Schedule?) {
        guard let found = sampler(named: name) else { throw RenderSettingsError.unknownSampler(name) }
        return found
    }

    /// Resolves a schedule name; `nil` means A1111's "Automatic" (the sampler's default).
    public static func schedule(named name: String) throws -> Schedule? {
        if isAutomaticSchedule(name) { return nil }
        guard let schedule = Schedule(name: name) else { throw RenderSettingsError.unknownSchedule(name) }
        return schedule
    }

    /// Resolves a schedule name for a given sampler, turning "Automatic" into the sampler's
    /// default schedule.
    public static func schedule(named name: String, for sampler: Sampler) throws -> Schedule {
        try schedule(named: name) ?? sampler.automaticSchedule
    }
}
