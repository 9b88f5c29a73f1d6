import EngineAPI
import Foundation
import Imaging
import Sampling
import Tensor

extension StableDiffusionPipeline {
    /// img2img and inpainting, A1111's semantics.
    ///
    /// Port of A1111 `modules/processing.py` `StableDiffusionProcessingImg2Img.init` / `.sample`
    /// and `modules/sd_samplers_kdiffusion.py` `KDiffusionSampler.sample_img2img`: encode the
    /// init image (`encodeLatent`), `t_enc = int(min(strength, 0.999)·steps)`, sample
    /// `sigmas[steps − t_enc − 1:]` (`ImageToImageSteps`) from `x = init + noise·σ₀`, where the
    /// noise is call 0 of the seed's sampler stream and ancestral steps continue it. With a
    /// mask, the latent mask blends every denoised estimate and the result
    /// (`StableDiffusionPipeline.sample`), and the decoded picture gets A1111's overlay of the
    /// original outside the mask (`InpaintMask.overlay`). "Only masked" crops the masked
    /// region first (`InpaintCrop`) and pastes the result back.
    func imageToImage(_ job: Job, _ initImage: InitImage) throws -> RGBImage {
        let settings = job.request.settings
        let mask = initImage.mask.map { InpaintMask($0, blur: settings.maskBlur ?? 0) }
        if case .onlyMasked(let padding) = initImage.area, let mask {
            let crop = InpaintCrop(mask: mask.pixels, padding: padding, width: settings.width, height: settings.height)
            let cropped = try render(job, image: crop.crop(initImage.image), mask: InpaintMask(blurred: crop.crop(mask.pixels)),
                                     latentMode: initImage.latent)
            return crop.paste(cropped.decoded, into: initImage.image, mask: mask)
        }
        let result = try render(job, image: initImage.image, mask: mask, latentMode: initImage.latent)
        return mask.map { $0.overlay(original: initImage.image, on: result.decoded) } ?? result.decoded
    }

    /// The img2img pass at the render size; `decoded` is the plain decode (no overlay).
    func render(_ job: Job, image: RGBImage, mask: InpaintMask?, latentMode: InitLatent) throws -> (latent: [Float], decoded: RGBImage) {
        let settings = job.request.settings
        let size = LatentSize(settings)
        let steps = ImageToImageSteps(steps: settings.steps, strength: settings.denoisingStrength ?? 1)
        var plan = SamplingPlan(size: size, sigmas: steps.truncate(job.prepared.sigmas),
                                initLatent: try encodeLatent(image, mode: latentMode, seed: job.seed))
        plan.repaintMask = mask?.latentMask(size, channels: latentFormat.channels)
        plan.imageConditioning = try imageConditioning(image: image, mask: mask, size)
        var noise = noiseSource(job, size)
        let latent = try sample(plan, job, noise: &noise, stepOffset: 0, totalSteps: plan.sigmas.count - 1)
        try job.cancellation?.check()
        return (latent, try decode(latent, size))
    }

    /// The scaled init latent of an RGB image: `a = pixels/255`, `x = 2a − 1` (CHW), the VAE
    /// posterior, then `mean` or `mean + exp(½·logvar)·eps`, and ComfyUI `process_in`
    /// `(z − shift)·scale`.
    ///
    /// eps is `randn(mean.shape)` from a generator of its own, `manual_seed(seed)` — not the
    /// sampler stream. That is what A1111 draws (LDM `distributions.py`
    /// `DiagonalGaussianDistribution.sample` on torch's global generator, which A1111's
    /// `rng.randn(seed)` leaves seeded with the seed), as the fixtures' manifest records.
    func encodeLatent(_ image: RGBImage, mode: InitLatent, seed: UInt64) throws -> [Float] {
        let (mean, logvar) = try vae.encode(Self.imageTensor(image))                         // [1, 4, h, w] each
        var z = mean.values
        if mode == .sample {
            var generator = TorchCPUGenerator(seed: seed)
            let eps = generator.randn(z.count)
            let lv = logvar.values
            for i in z.indices { z[i] += (0.5 * lv[i]).exponential * eps[i] }
        }
        let (scale, shift) = (latentFormat.scaleFactor, latentFormat.shiftFactor)
        return z.map { ($0 - shift) * scale }
    }

    /// [1, 3, H, W] in [-1, 1]: `2·(pixel/255) − 1`, channels first.
    static func imageTensor(_ image: RGBImage) -> Tensor {
        let plane = image.width * image.height
        var values = [Float](repeating: 0, count: 3 * plane)
        let p = image.pixels
        for i in 0..<plane {
            for c in 0..<3 { values[c * plane + i] = 2 * (Float(p[3 * i + c]) / 255) - 1 }
        }
        return Tensor(shape: [1, 3, image.height, image.width], values: values)
    }
}

extension Float {
    /// e^self, in Float.
    var exponential: Float { Float(Foundation.exp(Double(self))) }
}
