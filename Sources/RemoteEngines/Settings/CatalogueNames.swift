import Catalog

/// A server's sampler and scheduler names matched to Easel's catalogue (`SamplerCatalog`),
/// loosely: case, spaces, `_`, `-` and `++` ≈ `pp` do not count, so A1111's "DPM++ 2M",
/// ComfyUI's `dpmpp_2m` and stable-diffusion.cpp's `dpm++2m` all mean `Sampler.dpmpp2m`.
/// Names the catalogue lacks (ComfyUI's `euler_cfg_pp`, sd.cpp's `default`) stay unmatched.
enum CatalogueNames {
    static func key(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: "++", with: "pp")
            .filter { !" _-".contains($0) }
    }

    /// The catalogue sampler a server's name (or one of its aliases) means.
    static func sampler(_ names: [String]) -> Sampler? {
        let keys = Set(names.map(key))
        return SamplerCatalog.samplers.first { entry in entry.names.contains { keys.contains(key($0)) } }?.sampler
    }

    /// The catalogue schedule a server's name (or one of its aliases) means. sd.cpp's
    /// `discrete` (evenly spaced timesteps, its SD 1.x default) is k-diffusion's `get_sigmas`,
    /// Easel's `normal`.
    static func schedule(_ names: [String]) -> Schedule? {
        let keys = Set(names.map(key))
        if keys.contains("discrete") { return .normal }
        return SamplerCatalog.schedules.first { entry in entry.names.contains { keys.contains(key($0)) } }?.schedule
    }
}
