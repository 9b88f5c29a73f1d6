/// A k-diffusion sampler, named by its canonical id (the `k_diffusion.sampling.sample_*`
/// function name without the prefix, ComfyUI's spelling). A1111 display names live in
/// `SamplerCatalog`.
public enum Sampler: String, CaseIterable, Codable, Sendable {
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

    /// The canonical id, e.g. `euler_a`.
    public var id: String { rawValue }

    /// A1111's display name, e.g. `Euler a`.
    public var displayName: String { SamplerCatalog.entry(for: self).displayName }

    /// Accepts the canonical id, an A1111 display name or a known alias; an A1111 combined
    /// name such as `DPM++ 2M Karras` is refused here (it also names a schedule; use
    /// `SamplerCatalog.lookup(_:)`).
    public init(from decoder: Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        let found = try SamplerCatalog.lookup(name)
        guard found.schedule == nil else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "sampler '\(name)' also names a schedule; give the sampler and the schedule separately"))
        }
        self = found.sampler
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
