import Foundation

/// An SD 1.x checkpoint, opened: each network's weights under canonical names (see
/// `WeightTable`), the architecture read from the tensor shapes, and where to find the
/// tokenizer when the checkpoint ships one.
///
/// Two layouts load:
/// - the A1111/civitai single `.safetensors` file (`model.diffusion_model.*`,
///   `first_stage_model.*`, `cond_stage_model.transformer.text_model.*`);
/// - the diffusers folder (`model_index.json`, `unet/`, `vae/`, `text_encoder/`, `tokenizer/`).
///
/// Other families (SDXL, SD 2.x, FLUX, SD3, inpainting) are refused with a
/// "model family X is not supported yet" error, pickle files with a "convert to .safetensors" one.
public struct StableDiffusionCheckpoint: Sendable {
    public enum Layout: String, Equatable, Sendable {
        case singleFile = "single file"
        case diffusers
    }

    /// What the UNet's output means. Easel's sampling module maps this onto its denoiser.
    public enum Prediction: String, Equatable, Sendable {
        case epsilon
        /// v-prediction, marked by a `v_pred` key (ComfyUI's convention) or diffusers'
        /// `scheduler_config.json` `prediction_type: v_prediction`.
        case v
    }

    public let source: URL
    public let layout: Layout
    public let unet: WeightTable
    public let vae: WeightTable
    public let text: WeightTable
    public let unetConfig: UNetConfig
    public let vaeConfig: VAEConfig
    public let textConfig: CLIPTextConfig
    public let prediction: Prediction
    /// The diffusers `tokenizer/` folder (holding `vocab.json` and `merges.txt`), if any.
    public let tokenizerDirectory: URL?

    /// Opens a `.safetensors` single file or a diffusers folder.
    public static func load(_ url: URL) throws -> StableDiffusionCheckpoint {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw CheckpointError.missingComponent(file: url.lastPathComponent, detail: "no such file or folder")
        }
        let parts = isDirectory.boolValue ? try diffusersParts(url) : try singleFileParts(url)
        return try StableDiffusionCheckpoint(source: url, parts: parts)
    }

    /// The three weight tables and side facts a layout reader produces.
    struct Parts {
        let layout: Layout
        let unet: WeightTable
        let vae: WeightTable
        let text: WeightTable
        let prediction: Prediction
        let tokenizerDirectory: URL?
    }

    private init(source: URL, parts: Parts) throws {
        self.source = source
        layout = parts.layout
        unet = parts.unet
        vae = parts.vae
        text = parts.text
        prediction = parts.prediction
        tokenizerDirectory = parts.tokenizerDirectory
        try Self.rejectOtherFamiliesByShape(parts)
        textConfig = try CLIPTextConfig.detect(from: text)
        unetConfig = try UNetConfig.detect(from: unet)
        vaeConfig = try VAEConfig.detect(from: vae)
        try checkComponentsFit()
    }

    /// Families that share SD 1.x's key names but not its shapes: inpainting and
    /// InstructPix2Pix UNets take extra input channels; SD 2.x in diffusers layout has a
    /// 1024-wide (OpenCLIP ViT-H) text encoder under the same names.
    private static func rejectOtherFamiliesByShape(_ parts: Parts) throws {
        if let convIn = parts.unet.shape("input_blocks.0.0.weight"), convIn.count == 4,
           let family = ModelFamilyMarkers.unetInputChannelFamilies[convIn[1]] {
            throw CheckpointError.unsupportedFamily(file: parts.unet.file.displayName, family: family)
        }
        if let tokens = parts.text.shape("embeddings.token_embedding.weight"), tokens.count == 2,
           tokens[1] == ModelFamilyMarkers.sd2TextWidth {
            throw CheckpointError.unsupportedFamily(file: parts.text.file.displayName, family: "SD 2.x")
        }
    }

    /// The three networks must agree: latent channels in and out of the UNet, and the text
    /// width the UNet cross-attends to.
    private func checkComponentsFit() throws {
        let file = unet.file.displayName
        guard unetConfig.inChannels == vaeConfig.latentChannels, unetConfig.outChannels == vaeConfig.latentChannels else {
            throw CheckpointError.undetectable(
                file: file, component: "UNet",
                detail: "it takes \(unetConfig.inChannels) and returns \(unetConfig.outChannels) channels, "
                    + "but the VAE has \(vaeConfig.latentChannels) latent channels")
        }
        guard unetConfig.contextDim == textConfig.hiddenSize else {
            throw CheckpointError.undetectable(
                file: file, component: "UNet",
                detail: "its cross-attention width \(unetConfig.contextDim) differs from the text encoder's \(textConfig.hiddenSize)")
        }
    }
}
