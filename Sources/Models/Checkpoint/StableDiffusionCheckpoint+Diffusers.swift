import Catalog
import Foundation
import SafeTensors

extension StableDiffusionCheckpoint {
    /// Reads a diffusers pipeline folder (diffusers `DiffusionPipeline.save_pretrained` layout)
    /// of an SD pipeline class, whatever its family.
    static func diffusersParts(_ folder: URL) throws -> Parts {
        try diffusersParts(folder, family: ArchitectureDetector.folderFamily(folder).family)
    }

    /// The folder's weight tables: `unet/` and `vae/` under key maps generated from their
    /// block layout, `text_encoder/` then `text_encoder_2/` (SDXL; the refiner has only the
    /// second).
    static func diffusersParts(_ folder: URL, family: CheckpointFamily) throws -> Parts {
        let unet = try componentFile(folder, "unet", stem: "diffusion_pytorch_model")
        let vae = try componentFile(folder, "vae", stem: "diffusion_pytorch_model")
        let textFolders = family == .sdxlRefiner ? ["text_encoder_2"]
            : [.sdxl, .sdxlInpainting].contains(family) ? ["text_encoder", "text_encoder_2"] : ["text_encoder"]
        let texts = try textFolders.map { try componentFile(folder, $0, stem: "model") }.map { text in
            WeightTable(file: text, keyMap: text.names.contains(where: { $0.hasPrefix("text_model.") })
                ? TextEncoderKeys.diffusers : TextEncoderKeys.diffusersWithoutPrefix)
        }
        return Parts(layout: .diffusers, family: family,
                     unet: WeightTable(file: unet, keyMap: DiffusersUNetKeyMap.keyMap(for: UNetBlockLayout(diffusersKeys: unet.names))),
                     vae: WeightTable(file: vae, keyMap: DiffusersVAEKeyMap.keyMap(diffusersKeys: vae.names)),
                     texts: texts,
                     prediction: try schedulerPrediction(folder),
                     tokenizerDirectory: tokenizerDirectory(folder))
    }

    /// `<folder>/<component>/<stem>.safetensors`, else its fp16 variant.
    static func componentFile(_ folder: URL, _ component: String, stem: String) throws -> SafeTensorsFile {
        let directory = folder.appendingPathComponent(component)
        let shown = "\(folder.lastPathComponent)/\(component)"
        let exists = { FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path) }
        for candidate in ["\(stem).safetensors", "\(stem).fp16.safetensors"] where exists(candidate) {
            return try SafeTensorsFile(url: directory.appendingPathComponent(candidate), displayName: "\(shown)/\(candidate)")
        }
        if exists("\(stem).safetensors.index.json") {
            throw CheckpointError.missingComponent(
                file: shown, detail: "sharded weights (\(stem).safetensors.index.json) are not supported yet")
        }
        let pickles = ["\(stem).bin", "\(stem).fp16.bin", "pytorch_model.bin", "pytorch_model.fp16.bin"]
        if let pickle = pickles.first(where: exists) {
            throw CheckpointError.pickle(file: "\(shown)/\(pickle)")
        }
        throw CheckpointError.missingComponent(file: shown, detail: "no \(stem).safetensors")
    }

    /// diffusers `scheduler/scheduler_config.json` `prediction_type` (absent means epsilon).
    static func schedulerPrediction(_ folder: URL) throws -> Prediction {
        let url = folder.appendingPathComponent("scheduler/scheduler_config.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return .epsilon }
        let shown = "\(folder.lastPathComponent)/scheduler/scheduler_config.json"
        switch try readJSONObject(url, displayName: shown)["prediction_type"] as? String {
        case nil, "epsilon": return .epsilon
        case "v_prediction": return .v
        case let other?:
            throw CheckpointError.invalidConfig(file: shown, detail: "prediction_type '\(other)' is not supported")
        }
    }

    /// The `tokenizer/` folder when it holds CLIP's `vocab.json` and `merges.txt`.
    static func tokenizerDirectory(_ folder: URL) -> URL? {
        let directory = folder.appendingPathComponent("tokenizer")
        let complete = ["vocab.json", "merges.txt"].allSatisfy {
            FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path)
        }
        return complete ? directory : nil
    }

    /// A small JSON object file (at most 1 MB; pipeline configs are a few hundred bytes).
    static func readJSONObject(_ url: URL, displayName: String) throws -> [String: Any] {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size <= 1 << 20 else {
            throw CheckpointError.invalidConfig(file: displayName, detail: "\(size) bytes is too large for a config file")
        }
        guard let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CheckpointError.invalidConfig(file: displayName, detail: "not a JSON object")
        }
        return object
    }
}
