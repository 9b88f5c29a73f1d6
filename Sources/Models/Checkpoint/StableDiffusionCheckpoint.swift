import Catalog
import Foundation

/// An SD 1.x or SDXL checkpoint, opened: each network's weights under canonical names (see
/// `WeightTable`), the architecture read from the tensor shapes, and where to find the
/// tokenizer when the checkpoint ships one.
///
/// Two layouts load:
/// - the A1111/civitai single `.safetensors` file (`model.diffusion_model.*`,
///   `first_stage_model.*`, `cond_stage_model.transformer.text_model.*`; SDXL's
///   `conditioner.embedders.0.transformer.text_model.*` and `conditioner.embedders.1.model.*`);
/// - the diffusers folder (`model_index.json`, `unet/`, `vae/`, `text_encoder/`, SDXL's
///   `text_encoder_2/`, `tokenizer/`).
///
/// Other families (SD 2.x, the SDXL refiner and inpainting, FLUX, SD3, SD 1.x inpainting), as
/// `ArchitectureDetector` names them, are refused with a "model family X is not supported yet"
/// error, pickle files with a "convert to .safetensors" one.
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
    /// The (first) text encoder's weights; SD 1.x has exactly one.
    public var text: WeightTable { texts[0] }
    /// Every text encoder's weights, in context order (SDXL: CLIP-L, then bigG).
    public let texts: [WeightTable]
    /// The networks' structure, family and latent format, as `ArchitectureDetector` read them.
    public let architecture: ModelArchitecture
    /// The diffusers `tokenizer/` folder (holding `vocab.json` and `merges.txt`), if any.
    public let tokenizerDirectory: URL?

    public var unetConfig: UNetConfig { architecture.unet }
    public var vaeConfig: VAEConfig { architecture.vae }
    /// The (first) text encoder's hyper-parameters.
    public var textConfig: CLIPTextConfig { architecture.textEncoders[0] }
    public var prediction: Prediction { architecture.prediction }

    /// Opens a `.safetensors` single file or a diffusers folder. `ArchitectureDetector` names
    /// the family first; families other than `ArchitectureDetector.loadableFamilies` are refused.
    public static func load(_ url: URL) throws -> StableDiffusionCheckpoint {
        let finding = try ArchitectureDetector.family(of: url)
        try ArchitectureDetector.requireLoadable(finding.family, file: finding.file)
        let parts = try ArchitectureDetector.isFolder(url) ? diffusersParts(url, family: finding.family)
            : singleFileParts(ArchitectureDetector.openSingleFile(url), family: finding.family)
        return try StableDiffusionCheckpoint(source: url, parts: parts)
    }

    /// The weight tables and side facts a layout reader produces.
    struct Parts {
        let layout: Layout
        let family: CheckpointFamily
        let unet: WeightTable
        let vae: WeightTable
        /// The text encoders in context order (see `ModelArchitecture.textEncoders`).
        let texts: [WeightTable]
        let prediction: Prediction
        let tokenizerDirectory: URL?
    }

    private init(source: URL, parts: Parts) throws {
        self.source = source
        layout = parts.layout
        unet = parts.unet
        vae = parts.vae
        texts = parts.texts
        tokenizerDirectory = parts.tokenizerDirectory
        architecture = try ArchitectureDetector.architecture(of: parts)
    }

    /// Text encoder `index`'s weights under transformers' CLIP names, as `CLIPTextModel` reads
    /// them: a table in open_clip names (a single file's OpenCLIP tower) is read through
    /// `OpenCLIPTextWeights`.
    public func textWeights(_ index: Int) -> WeightSource {
        let table = texts[index]
        guard table.isOpenCLIPNamed else { return table }
        return OpenCLIPTextWeights(table, layers: architecture.textEncoders[index].numLayers)
    }
}
