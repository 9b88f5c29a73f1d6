import Foundation

/// Where the noise comes from and whose sampling conventions apply, as A1111's "RNG" infotext
/// field names it. Easel's engine implements `cpu` (torch's CPU generator, A1111's and
/// k-diffusion's conventions), `nv` (A1111's Philox 4x32-10) and `comfyui` (torch's CPU
/// generator with ComfyUI's conventions: `Sampling.SamplingConvention.comfyUI`); `gpu` exists
/// so that A1111 infotext, whose missing "RNG" key means GPU, is read faithfully.
public enum RNGSource: String, CaseIterable, Codable, Sendable {
    case cpu
    case gpu
    case nv
    case comfyui

    /// The spelling in infotext: A1111's `CPU`, `GPU`, `NV`, and Easel's `ComfyUI`.
    public var displayName: String { self == .comfyui ? "ComfyUI" : rawValue.uppercased() }

    /// Parses `cpu`/`CPU`/`gpu`/`GPU`/`nv`/`NV`/`comfyui`/`ComfyUI` (any case).
    public static func named(_ name: String) -> RNGSource? {
        RNGSource(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
