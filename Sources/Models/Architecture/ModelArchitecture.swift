import Catalog

/// Everything Easel knows about a checkpoint's networks, read from key names and tensor
/// shapes by `ArchitectureDetector`: the family, each network's hyper-parameters, the latent
/// format and what the UNet predicts. One value per checkpoint, in the spirit of ComfyUI's
/// `comfy/supported_models.py` classes (unet config + latent format + text conditioner).
public struct ModelArchitecture: Equatable, Sendable {
    public typealias Prediction = StableDiffusionCheckpoint.Prediction

    public var family: CheckpointFamily
    public var unet: UNetConfig
    public var vae: VAEConfig
    /// The text encoders, in the order their outputs are concatenated into the UNet's context:
    /// SD 1.x one (CLIP ViT-L), SD 2.x one (OpenCLIP ViT-H), SDXL two (CLIP ViT-L, then
    /// OpenCLIP bigG; sgm `GeneralConditioner`), the SDXL refiner one (bigG).
    public var textEncoders: [CLIPTextConfig]
    public var latent: LatentFormat
    public var prediction: Prediction
    /// The VAE decodes in fp32 whatever the chosen precision (SDXL; diffusers `force_upcast`).
    public var vaeNeedsFP32 = false

    public init(family: CheckpointFamily, unet: UNetConfig, vae: VAEConfig, textEncoders: [CLIPTextConfig],
                latent: LatentFormat, prediction: Prediction) {
        self.family = family
        self.unet = unet
        self.vae = vae
        self.textEncoders = textEncoders
        self.latent = latent
        self.prediction = prediction
    }

    /// The context width the text encoders give together (SDXL: 768 + 1280 = 2048).
    public var contextWidth: Int { textEncoders.reduce(0) { $0 + $1.hiddenSize } }
}
