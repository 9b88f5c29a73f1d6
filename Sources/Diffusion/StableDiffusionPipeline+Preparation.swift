import RenderSettings
import Sampling

extension StableDiffusionPipeline {
    /// What one set of settings needs before sampling, shared by the images of a batch and
    /// computed the same way for the draft pass: the (padded) conditioning schedules, the
    /// sigmas and the sampler.
    struct Prepared {
        var cond: ConditioningSchedule
        var uncond: ConditioningSchedule
        /// `settings.steps + 1` sigmas, descending, ending in 0.
        var sigmas: [Float]
        var sampler: Sampler
    }

    /// Encodes prompt and negative prompt (cached) for the image size, pads them to one length
    /// where the family does, and computes the schedule's sigmas for `settings.steps`.
    func prepare(_ settings: RenderSettings) throws -> Prepared {
        let cond = try promptEncoder.schedule(for: settings.prompt, steps: settings.steps, clipSkip: settings.clipSkip,
                                              width: settings.width, height: settings.height)
        let uncond = try promptEncoder.schedule(for: settings.negativePrompt, negative: true, steps: settings.steps,
                                                clipSkip: settings.clipSkip, width: settings.width, height: settings.height)
        for entry in cond.entries + uncond.entries {
            try FiniteValueCheck.require(entry.conditioning.context, .textEncoder)
        }
        let (condPadded, uncondPadded) = try promptEncoder.padToCommonLength(cond, uncond, clipSkip: settings.clipSkip)
        return Prepared(cond: condPadded, uncond: uncondPadded,
                        sigmas: try settings.schedule.sigmas(steps: settings.steps, model: sigmas),
                        sampler: settings.sampler)
    }
}

extension RenderSettings {
    /// Latent size: the VAE downsamples by 8.
    var latentWidth: Int { width / 8 }
    var latentHeight: Int { height / 8 }
}
