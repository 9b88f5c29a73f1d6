import Imaging
import RenderSettings

extension EngineRequest {
    /// The init image's own checks: a strength is set (it is what img2img means), the mask
    /// has the init image's size and repaints something, the hires fix is not combined with it
    /// (A1111's img2img has none), the "only masked" padding is not negative.
    func validateInitImage() throws {
        guard let initImage else { return }
        guard settings.denoisingStrength != nil else {
            throw EngineError.invalidRequest(field: "strength", reason: "an init image needs a strength in (0, 1]")
        }
        guard settings.hires == nil else {
            throw EngineError.invalidRequest(field: "hires", reason: "the hires fix runs after txt2img only, not with an init image")
        }
        guard !initImage.image.isEmpty else {
            throw EngineError.invalidRequest(field: "init image", reason: "the image is empty")
        }
        if let mask = initImage.mask {
            guard mask.width == initImage.image.width, mask.height == initImage.image.height else {
                throw EngineError.invalidRequest(
                    field: "mask", reason: "is \(mask.width)x\(mask.height) but the init image is "
                        + "\(initImage.image.width)x\(initImage.image.height); masks must be the init image's size")
            }
            guard !mask.isBlank else { throw EngineError.invalidRequest(field: "mask", reason: "is all black: nothing to repaint") }
        }
        if case .onlyMasked(let padding) = initImage.area, padding < 0 {
            throw EngineError.invalidRequest(field: "inpaint padding", reason: "must be ≥ 0, got \(padding)")
        }
    }

    /// The request with its init image (and mask) resized to the render size, and a note
    /// when that happened. A1111 resizes too ("Just resize", Lanczos for the image; the mask
    /// follows the image). Same size: unchanged, no note.
    public func fittingInitImage() -> (request: EngineRequest, note: String?) {
        guard var initImage, initImage.image.width != settings.width || initImage.image.height != settings.height else {
            return (self, nil)
        }
        let (w, h) = (settings.width, settings.height)
        let note = "init image is \(initImage.image.width)x\(initImage.image.height); resized to \(w)x\(h) (Lanczos)"
        initImage.image = initImage.image.resized(width: w, height: h, filter: .lanczos)
        initImage.mask = initImage.mask?.resized(width: w, height: h, filter: .lanczos)
        var fitted = self
        fitted.initImage = initImage
        return (fitted, note)
    }
}

extension EngineRequest {
    /// `validate()`, then what this engine can do: an init image needs `imageToImage`.
    public func validate(for capabilities: EngineCapabilities) throws {
        try validate()
        if initImage != nil, !capabilities.imageToImage {
            throw EngineError.unsupported("this engine does not render from an init image (img2img, inpainting)")
        }
        if settings.variation.isActive || settings.seedResizeFrom != nil, !capabilities.variationSeeds {
            throw EngineError.unsupported("this engine does not render variation seeds or seed resize (local engine only)")
        }
    }
}
