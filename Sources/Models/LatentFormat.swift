/// How a family's latent space is laid out: what the VAE's latents are scaled by before the
/// UNet sees them, and how a latent is previewed cheaply.
///
/// Reference: ComfyUI `comfy/latent_formats.py` (`SD15`, `SDXL`, …): `process_in(x) =
/// (x − shift) · scale`, `process_out(x) = x / scale + shift`, and `latent_rgb_factors`.
public struct LatentFormat: Equatable, Sendable {
    /// Latent channels (4 for SD 1.x and SDXL, 16 for SD3 and FLUX).
    public var channels: Int
    /// LDM `scale_factor`, diffusers `vae.config.scaling_factor`.
    public var scaleFactor: Float
    /// diffusers `vae.config.shift_factor` (0 for SD 1.x and SDXL).
    public var shiftFactor: Float
    /// `channels` rows of (R, G, B) weights: a latent cell's preview colour is Σ latent[c]·row[c],
    /// mapped from [−1, 1] to [0, 1].
    public var previewCoefficients: [[Float]]
    /// The file name of the family's TAESD decoder (ComfyUI `models/vae_approx/`, madebyollin's
    /// releases), nil when it has none.
    public var taesdDecoderFile: String?

    public init(channels: Int, scaleFactor: Float, shiftFactor: Float = 0, previewCoefficients: [[Float]],
                taesdDecoderFile: String? = nil) {
        self.channels = channels
        self.scaleFactor = scaleFactor
        self.shiftFactor = shiftFactor
        self.previewCoefficients = previewCoefficients
        self.taesdDecoderFile = taesdDecoderFile
    }

    /// SD 1.x (and SD 2.x): scale 0.18215; preview rows from A1111 `modules/sd_vae_approx.py`,
    /// `cheap_approximation` (SD 1.x rows L1…L4 → R, G, B), applied to the model-space latent.
    public static let sd1 = LatentFormat(channels: 4, scaleFactor: 0.18215, previewCoefficients: [
        [0.298, 0.207, 0.208],
        [0.187, 0.286, 0.173],
        [-0.158, 0.189, 0.264],
        [-0.184, -0.271, -0.473],
    ], taesdDecoderFile: "taesd_decoder.safetensors")

    /// SDXL: scale 0.13025 (sgm `sd_xl_base.yaml` `scale_factor`, ComfyUI `latent_formats.py`
    /// `SDXL`); preview rows from A1111 `modules/sd_vae_approx.py`, `cheap_approximation`
    /// (its `is_sdxl` branch).
    public static let sdxl = LatentFormat(channels: 4, scaleFactor: 0.13025, previewCoefficients: [
        [0.3448, 0.4168, 0.4395],
        [-0.1953, -0.0290, 0.0250],
        [0.1074, 0.0886, -0.0163],
        [-0.3730, -0.2499, -0.2088],
    ], taesdDecoderFile: "taesdxl_decoder.safetensors")
}
