import Catalog
import Foundation
import SafeTensors

extension StableDiffusionCheckpoint {
    /// Reads the A1111/civitai single-file layout, whatever its family.
    static func singleFileParts(_ url: URL) throws -> Parts {
        let file = try ArchitectureDetector.openSingleFile(url)
        let family = try ArchitectureDetector.family(ofSingleFileKeys: file.entries.mapValues(\.shape), file: file.displayName)
        return try singleFileParts(file, family: family)
    }

    /// The single file's weight tables under `family`'s text-encoder prefixes.
    static func singleFileParts(_ file: SafeTensorsFile, family: CheckpointFamily) throws -> Parts {
        let parts = Parts(layout: .singleFile, family: family,
                          unet: WeightTable(file: file, keyMap: SingleFileKeyMaps.unet),
                          vae: WeightTable(file: file, keyMap: SingleFileKeyMaps.vae),
                          texts: singleFileTextMaps(family, file.names).map { WeightTable(file: file, keyMap: $0) },
                          prediction: file.entries["v_pred"] == nil ? .epsilon : .v,
                          tokenizerDirectory: nil)
        for (table, component) in [(parts.unet, "UNet"), (parts.vae, "VAE")] + parts.texts.map({ ($0, "text encoder") })
        where table.isEmpty {
            throw CheckpointError.missingComponent(
                file: file.displayName, detail: "no \(component) weights (no keys under '\(table.keyMap.prefix)')")
        }
        return parts
    }

    /// Where each text encoder of `family` lives in a single file: LDM `cond_stage_model`
    /// (SD 1.x CLIP, SD 2.x OpenCLIP) or sgm `conditioner.embedders.N` (SDXL).
    static func singleFileTextMaps(_ family: CheckpointFamily, _ names: [String]) -> [ComponentKeyMap] {
        switch family {
        case .sd2, .sd2Depth, .sdUpscaler:
            return [SingleFileKeyMaps.openCLIPText]
        case .sdxl, .sdxlInpainting:
            return [SingleFileKeyMaps.sdxlCLIPLText, SingleFileKeyMaps.sdxlBigGText]
        case .sdxlRefiner:
            return [SingleFileKeyMaps.sdxlRefinerText]
        case .sd1, .sd1Inpainting, .instructPix2Pix, .sd3, .flux:
            return [names.contains(where: { $0.hasPrefix(SingleFileKeyMaps.text.prefix) })
                ? SingleFileKeyMaps.text : SingleFileKeyMaps.legacyText]
        }
    }
}
