import Imaging

/// The picture an img2img or inpainting job starts from, with its optional mask. The strength
/// and the mask blur are render settings (`RenderSettings.denoisingStrength`, `.maskBlur`,
/// A1111's infotext keys); what is here is the job's own input.
public struct InitImage: Equatable, Sendable {
    /// The init image; resized to the render size by `EngineRequest.fittingInitImage()`.
    public var image: RGBImage
    /// White (255) = repaint, black = keep, as in A1111; the same size as `image`. nil = img2img.
    public var mask: GrayImage?
    /// How the VAE posterior becomes the init latent.
    public var latent: InitLatent
    /// A1111 "Inpaint area": the whole picture, or only the masked region (cropped with
    /// `padding` pixels around it, rendered at the full size and pasted back).
    public var area: InpaintArea

    public init(image: RGBImage, mask: GrayImage? = nil, latent: InitLatent = .sample, area: InpaintArea = .wholePicture) {
        self.image = image
        self.mask = mask
        self.latent = latent
        self.area = area
    }
}

/// Which latent the encoded init image gives (`--init-latent`).
public enum InitLatent: String, CaseIterable, Sendable {
    /// A sample of the posterior, `mean + std·eps` with eps from `manual_seed(seed)` (A1111).
    case sample
    /// The posterior mean (ComfyUI's `VAEEncode`).
    case mean
}

/// A1111's "Inpaint area" (`inpaint_full_res`) and "Only masked padding, pixels".
public enum InpaintArea: Equatable, Sendable {
    case wholePicture
    case onlyMasked(padding: Int)
}
