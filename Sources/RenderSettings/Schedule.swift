/// A noise schedule (sigmas ending in 0), named by its canonical id (ComfyUI's spelling).
/// A1111's "Schedule type" names live in `SamplerCatalog`.
public enum Schedule: String, CaseIterable, Codable, Sendable {
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

    /// The canonical id, e.g. `sgm_uniform`.
    public var id: String { rawValue }

    /// A1111's "Schedule type" name, e.g. `SGM Uniform`.
    public var displayName: String { SamplerCatalog.entry(for: self).displayName }

    /// Accepts the canonical id, an A1111 "Schedule type" name or an alias. "Automatic" is
    /// refused here because it depends on the sampler (see `SamplerCatalog.schedule(named:for:)`).
    public init(from decoder: Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let schedule = try SamplerCatalog.schedule(named: name) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "schedule 'Automatic' depends on the sampler; name the schedule"))
        }
        self = schedule
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
