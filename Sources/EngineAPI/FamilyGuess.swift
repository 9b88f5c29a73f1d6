import Catalog

/// A remote model's family when the server only offers its name (and perhaps its file's
/// metadata): a guess the workbench shows as such, for the user to correct. A local file's
/// family comes from its tensor shapes and needs none.
public struct FamilyGuess: Equatable, Sendable {
    public var family: CheckpointFamily
    /// What it was guessed from, as the workbench says it: "the name 'dreamshaper_8'",
    /// "the server's metadata (modelspec.architecture: stable-diffusion-xl-v1-base)".
    public var basis: String

    public init(family: CheckpointFamily, basis: String) {
        self.family = family
        self.basis = basis
    }

    /// The family a model's name or a metadata value most likely means: FLUX and Kontext,
    /// SD3, SDXL (and Pony, Illustrious), SD 2.x, else SD 1.x. Words as the ecosystem spells
    /// them in file names, `modelspec.architecture` (Stability's model spec:
    /// `stable-diffusion-v1`, `stable-diffusion-xl-v1-base`, `stable-diffusion-v3-medium`) and
    /// kohya's `ss_base_model_version` (`sd_v1`, `sd_v2`, `sdxl_base_v1-0`, `flux1`).
    public static func family(fromText text: String) -> CheckpointFamily {
        let lower = text.lowercased()
        if lower.contains("kontext") || lower.contains("flux") { return .flux }
        if lower.contains("sd3") || lower.contains("sd_3") || lower.contains("diffusion-v3") { return .sd3 }
        if lower.contains("xl") || lower.contains("pony") || lower.contains("illustrious") { return .sdxl }
        if lower.contains("v2-") || lower.contains("sd2") || lower.contains("sd_v2") || lower.contains("768-v") { return .sd2 }
        return .sd1
    }

    /// The guess from a model's name.
    public static func fromName(_ name: String) -> FamilyGuess {
        FamilyGuess(family: family(fromText: name), basis: "the name '\(name)'")
    }

    /// Metadata keys that name a family, in the order they are trusted.
    public static let metadataKeys = ["modelspec.architecture", "ss_base_model_version"]

    /// The guess from a safetensors file's `__metadata__`, when one of `metadataKeys` is there.
    public static func fromMetadata(_ metadata: [String: String]) -> FamilyGuess? {
        for key in metadataKeys {
            guard let value = metadata[key], !value.isEmpty else { continue }
            return FamilyGuess(family: family(fromText: value), basis: "the server's metadata (\(key): \(value))")
        }
        return nil
    }
}
