import Catalog
import Foundation

/// The one place that decides what a model file or folder is: its family (or that it is
/// another kind of file, or nothing Easel knows) and, for UNet families, its whole
/// `ModelArchitecture`. Decisions come from key names, tensor shapes and a diffusers folder's
/// JSON, never from tensor data, in the manner of ComfyUI `comfy/model_detection.py`
/// (`detect_unet_config`, `model_config_from_unet`) and stable-diffusion.cpp `model.cpp`
/// (`get_sd_version`). The key tables are data, in `ArchitectureDetector+Markers.swift`.
public enum ArchitectureDetector {
    /// The families `StableDiffusionCheckpoint` builds networks for. Inpainting UNets (9 input
    /// channels: SD 1.5 inpainting, SDXL inpainting) are the ordinary network with a wider
    /// `conv_in`; the pipeline feeds them the mask and the masked image's latent
    /// (`extraInputChannels` in `familyTraits`), whatever the family.
    public static let loadableFamilies: Set<CheckpointFamily> = [.sd1, .sd1Inpainting, .sdxl, .sdxlInpainting]

    /// A file's or folder's family from its header(s) and JSON only, with its structure checked
    /// when the family has an SD-style UNet, so a model finder lists only what it can name. A
    /// pickle, another kind of file or an unknown file is refused with the error `load` gives.
    public static func probe(_ url: URL) throws -> CheckpointFamily {
        let finding = try family(of: url)
        guard familyTraits[finding.family] != nil else { return finding.family }
        return try architecture(of: url, finding).family
    }

    /// The architecture of a checkpoint with an SD-style UNet (SD 1.x, SD 2.x, SDXL and their
    /// variants), from headers only; families without one (SD3, FLUX) are refused.
    public static func detect(_ url: URL) throws -> ModelArchitecture {
        try architecture(of: url, try family(of: url))
    }

    /// Refuses a family this loader cannot build, with the one-line "not supported yet" error.
    public static func requireLoadable(_ family: CheckpointFamily, file: String) throws {
        guard loadableFamilies.contains(family) else {
            throw CheckpointError.unsupportedFamily(file: file, family: family.displayName)
        }
    }

    /// A family and the file (or folder JSON) whose keys decided it, as errors name it.
    struct Finding: Equatable {
        let family: CheckpointFamily
        let file: String
    }

    /// The family of a `.safetensors` single file or a diffusers folder.
    static func family(of url: URL) throws -> Finding {
        if try isFolder(url) { return try folderFamily(url) }
        let file = try openSingleFile(url)
        return Finding(family: try family(ofSingleFileKeys: file.entries.mapValues(\.shape), file: file.displayName),
                       file: file.displayName)
    }

    static func isFolder(_ url: URL) throws -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw CheckpointError.missingComponent(file: url.lastPathComponent, detail: "no such file or folder")
        }
        return isDirectory.boolValue
    }

    private static func architecture(of url: URL, _ finding: Finding) throws -> ModelArchitecture {
        guard familyTraits[finding.family] != nil else {
            throw CheckpointError.unsupportedFamily(file: finding.file, family: finding.family.displayName)
        }
        let parts = try isFolder(url) ? StableDiffusionCheckpoint.diffusersParts(url, family: finding.family)
            : StableDiffusionCheckpoint.singleFileParts(try openSingleFile(url), family: finding.family)
        return try architecture(of: parts)
    }
}
