import Catalog
import Foundation

extension ModelFamily {
    /// The dialect for a loaded checkpoint of `family` whose file name, title or other names
    /// are `names`: Pony when any of them says "pony" (Pony Diffusion V6 XL ships as
    /// `ponyDiffusionV6XL_….safetensors`, with `modelspec.title` "Pony Diffusion V6 XL"), else
    /// the family's own dialect; nil for families without one.
    public static func dialect(for family: CheckpointFamily, names: [String?]) -> ModelFamily? {
        guard let base = checkpointDialects[family] else { return nil }
        if base == .sdxl, names.contains(where: { $0?.localizedCaseInsensitiveContains("pony") == true }) { return .pony }
        return base
    }

    /// Checkpoint families and the dialect they are prompted in (Pony is SDXL by structure).
    static let checkpointDialects: [CheckpointFamily: ModelFamily] = [
        .sd1: .sd15, .sd1Inpainting: .sd15, .instructPix2Pix: .sd15,
        .sdxl: .sdxl, .sdxlRefiner: .sdxl, .sdxlInpainting: .sdxl,
        .flux: .flux,
    ]

    /// True when both dialects prompt the same kind of checkpoint (SDXL and Pony).
    public func promptsSameCheckpoints(as other: ModelFamily) -> Bool {
        self == other || Set([self, other]) == [.sdxl, .pony]
    }
}
