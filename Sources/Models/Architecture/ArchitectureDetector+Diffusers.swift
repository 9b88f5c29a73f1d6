import Catalog
import Foundation
import SafeTensors

extension ArchitectureDetector {
    /// The family of a diffusers folder: `model_index.json`'s `_class_name` names the base
    /// family (`sdPipelines`, `pipelineFamilies`); for SD pipelines the UNet's input width and
    /// the text encoder's width (SD 2.x shares SD 1.x's names) decide, for SDXL pipelines the
    /// UNet's input and `add_embedding` widths. Only JSON and safetensors headers are read.
    static func folderFamily(_ folder: URL) throws -> Finding {
        let name = folder.lastPathComponent
        let index = folder.appendingPathComponent("model_index.json")
        guard FileManager.default.fileExists(atPath: index.path) else {
            throw CheckpointError.unrecognised(file: name, detail: "a folder without model_index.json is not a diffusers pipeline")
        }
        let indexName = "\(name)/model_index.json"
        let object = try StableDiffusionCheckpoint.readJSONObject(index, displayName: indexName)
        let pipeline = object["_class_name"] as? String ?? "(no _class_name)"
        if sdPipelines.contains(pipeline) { return try sdFolderFamily(folder) }
        guard let family = pipelineFamilies.first(where: { pipeline.hasPrefix($0.classPrefix) })?.family else {
            throw CheckpointError.unsupportedFamily(file: indexName, family: pipeline)
        }
        guard family == .sdxl, let unet = try? StableDiffusionCheckpoint.componentFile(folder, "unet",
                                                                                          stem: "diffusion_pytorch_model")
        else { return Finding(family: family, file: indexName) }
        let refined = variant(of: family, inputChannels: unet.entries["conv_in.weight"]?.shape,
                              label: unet.entries["add_embedding.linear_1.weight"]?.shape)
        return Finding(family: refined, file: indexName)
    }

    /// An SD pipeline folder: inpainting/InstructPix2Pix by the UNet's input width (named by
    /// the UNet file), SD 2.x by a 1024-wide text encoder (named by the text encoder file).
    private static func sdFolderFamily(_ folder: URL) throws -> Finding {
        let unet = try StableDiffusionCheckpoint.componentFile(folder, "unet", stem: "diffusion_pytorch_model")
        let family = variant(of: .sd1, inputChannels: unet.entries["conv_in.weight"]?.shape, label: nil)
        if family != .sd1 { return Finding(family: family, file: unet.displayName) }
        let text = try StableDiffusionCheckpoint.componentFile(folder, "text_encoder", stem: "model")
        let tokens = ["text_model.", ""].lazy.compactMap { text.entries[$0 + "embeddings.token_embedding.weight"]?.shape }.first
        if let tokens, tokens.count == 2, tokens[1] == sd2TextWidth { return Finding(family: .sd2, file: text.displayName) }
        return Finding(family: .sd1, file: unet.displayName)
    }
}
