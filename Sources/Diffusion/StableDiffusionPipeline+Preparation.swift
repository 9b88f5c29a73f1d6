import EngineAPI
import Foundation
import Imaging
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
        promptEncoder.releaseEncoderPages()
        return Prepared(cond: condPadded, uncond: uncondPadded,
                        sigmas: try scheduleSigmas(settings, steps: settings.steps),
                        sampler: settings.sampler)
    }

    /// The settings' schedule for `steps` steps over the noise levels of their model
    /// sampling: the model's own for `discrete`, the 50-entry LCM table for `lcm`.
    func scheduleSigmas(_ settings: RenderSettings, steps: Int) throws -> [Float] {
        switch settings.modelSampling {
        case .discrete: return try settings.schedule.sigmas(steps: steps, model: sigmas)
        case .lcm: return try settings.schedule.sigmas(steps: steps, model: LCMDistilledSampling().table)
        }
    }

    /// The denoiser for a model sampling over the guided UNet `model`, calling it at the
    /// timesteps `timestep` gives (the LCM denoiser has its own 50-step table).
    func denoiser(_ sampling: ModelSampling, timestep: TimestepRule, model: @escaping CompVisDenoiser.Model) -> Denoiser {
        switch sampling {
        case .discrete: return CompVisDenoiser(sigmas: sigmas, prediction: prediction, timestep: timestep, model: model).denoiser
        case .lcm: return LCMDenoiser(model: model).denoiser
        }
    }

    /// One image of a job: the request, its seed, what `prepare` computed, and where each
    /// step is reported (`(step, totalSteps, preview)`, steps 1-based over all passes).
    struct Job {
        var request: EngineRequest
        var seed: UInt64
        /// The variation seed of this image (used when `settings.variation` is active).
        var variationSeed: UInt64 = 0
        var prepared: Prepared
        var cancellation: CancellationFlag?
        var onStep: (Int, Int, RGBImage?) -> Void
    }
}


