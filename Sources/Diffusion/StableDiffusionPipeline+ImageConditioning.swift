import Imaging
import Tensor

extension StableDiffusionPipeline {
    /// Whether the UNet takes image conditioning beside the latent (the 9-channel inpainting
    /// models: latent, then 1 mask channel, then the masked image's latent).
    var takesImageConditioning: Bool { unet.config.inChannels > latentFormat.channels }

    /// The extra UNet input of an inpainting model, nil for ordinary models: [mask (1 channel),
    /// masked-image latent (C channels)] at the latent size.
    ///
    /// Port of A1111 `modules/processing.py` `StableDiffusionProcessing.inpainting_image_conditioning`:
    /// the conditioning mask is `round(mask/255)` at full size (all ones without a mask),
    /// the masked image `x·(1 − mask)` in [-1, 1] (`inpainting_mask_weight` 1), its scaled
    /// latent, and the mask resized to the latent by `F.interpolate` (nearest). txt2img
    /// (`txt2img_image_conditioning`) is the same with no image: an all-zero picture under a
    /// full mask. Easel encodes the masked image to its posterior mean; A1111 samples it from
    /// its global generator.
    func imageConditioning(image: RGBImage?, mask: InpaintMask?, _ size: LatentSize) throws -> [Float]? {
        guard takesImageConditioning else { return nil }
        let (height, width) = (size.height * 8, size.width * 8)
        let plane = height * width
        let full: [Float] = mask.map { m in m.pixels.pixels.map { (Float($0) / 255).rounded(.toNearestOrEven) } }
            ?? [Float](repeating: 1, count: plane)
        var pixels = image.map { Self.imageTensor($0).values } ?? [Float](repeating: 0, count: 3 * plane)
        for c in 0..<3 { for i in 0..<plane { pixels[c * plane + i] *= 1 - full[i] } }
        let (mean, _) = try vae.encode(Tensor(shape: [1, 3, height, width], values: pixels))   // [1, C, h, w]
        let (scale, shift) = (latentFormat.scaleFactor, latentFormat.shiftFactor)
        var small = [Float](repeating: 0, count: size.cells)                                     // [1, h, w]
        for y in 0..<size.height {
            for x in 0..<size.width { small[y * size.width + x] = full[(y * height / size.height) * width + x * width / size.width] }
        }
        return small + mean.values.map { ($0 - shift) * scale }
    }

    /// `imageConditioning` for txt2img (no image, no mask).
    func emptyImageConditioning(_ size: LatentSize) throws -> [Float]? {
        try imageConditioning(image: nil, mask: nil, size)
    }
}
