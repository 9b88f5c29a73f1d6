import Foundation

/// Where the initial noise comes from, as A1111's "RNG" infotext field names it.
/// Easel's engine implements `cpu` (torch's CPU generator); `gpu` and `nv` exist so that
/// A1111 infotext, whose missing "RNG" key means GPU, is read faithfully.
public enum RNGSource: String, CaseIterable, Codable, Sendable {
    case cpu
    case gpu
    case nv

    /// A1111's spelling in infotext: `CPU`, `GPU`, `NV`.
    public var displayName: String { rawValue.uppercased() }

    /// Parses `cpu`/`CPU`/`gpu`/`GPU`/`nv`/`NV`.
    public static func named(_ name: String) -> RNGSource? {
        RNGSource(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
