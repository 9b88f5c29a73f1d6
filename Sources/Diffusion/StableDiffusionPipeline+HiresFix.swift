import Imaging
import RenderSettings
import Sampling

extension StableDiffusionPipeline {
    /// The hires fix's second pass over a first-pass latent.
    ///
    /// Port of A1111 `modules/processing.py` `StableDiffusionProcessingTxt2Img.sample_hr_pass`:
    /// the latent upscalers resize the latent (`LatentUpscale`) to `int(W·scale)//8` cells;
    /// "Lanczos" decodes, resizes the picture (Pillow Lanczos) and encodes it again (a posterior
    /// sample as for img2img). Then a **new** sampler stream seeded with the same seed
    /// (`self.rng = rng.ImageRNG(…)`; its call 0 is the second-pass noise) and
    /// `sample_img2img(…, steps=hr_second_pass_steps or steps)`, whose explicit steps take the
    /// fixed-steps branch of `setup_img2img_steps` (`ImageToImageSteps(fixedSteps:)`).
    func hiresFix(_ hires: HiresFix, latent: [Float], size: LatentSize, _ job: Job) throws -> RGBImage {
        let settings = job.request.settings
        let target = hires.targetSize(width: settings.width, height: settings.height)
        let big = LatentSize(height: target.height / 8, width: target.width / 8)
        let channels = latentFormat.channels
        let upscaled: [Float]
        switch hires.upscaler {
        case .latent: upscaled = LatentUpscale.bilinear(latent, channels: channels, from: size, to: big)
        case .latentNearestExact: upscaled = LatentUpscale.nearestExact(latent, channels: channels, from: size, to: big)
        case .lanczos:
            let picture = try decode(latent, size).resized(width: target.width, height: target.height, filter: .lanczos)
            upscaled = try encodeLatent(picture, mode: .sample, seed: job.seed)
        }
        let n = hires.secondPassSteps(firstPassSteps: settings.steps)
        let steps = ImageToImageSteps(fixedSteps: n, strength: settings.hiresStrength)
        let plan = SamplingPlan(size: big, sigmas: steps.truncate(try scheduleSigmas(settings, steps: steps.scheduleSteps)),
                                initLatent: upscaled, imageConditioning: try emptyImageConditioning(big))
        var noise = noiseSource(job, big)
        let result = try sample(plan, try sized(job, to: target), noise: &noise, stepOffset: settings.steps,
                                totalSteps: settings.steps + n)
        try job.cancellation?.check()
        return try decode(result, big)
    }

    /// `job` with its conditioning sized to the second pass's picture (A1111 encodes the hires
    /// conds with `hr_upscale_to_x/y`; SDXL's size part of `y` differs, SD 1.x's encodings do
    /// not, and the prompt cache makes the re-preparation cheap).
    private func sized(_ job: Job, to target: (width: Int, height: Int)) throws -> Job {
        var settings = job.request.settings
        (settings.width, settings.height) = (target.width, target.height)
        let prepared = try prepare(settings)
        var sized = job
        (sized.prepared.cond, sized.prepared.uncond) = (prepared.cond, prepared.uncond)
        return sized
    }
}
