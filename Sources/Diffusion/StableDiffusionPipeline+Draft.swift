import Foundation

extension StableDiffusionPipeline {
    /// The low-resolution first pass of `GenerationRequest.draftScale`: the same prompt,
    /// sampler, schedule, CFG and seed at 1/scale of the size with min(steps, scale²) steps,
    /// each step reported with `isDraft` and the latent preview; nothing is decoded.
    func draftPass(_ request: GenerationRequest, seed: UInt64, imageIndex: Int, start: DispatchTime,
                   cancellation: CancellationFlag?, progress: ((GenerationProgress) -> Void)?) throws {
        let draft = Self.draftRequest(for: request)
        let cond = try promptEncoder.schedule(for: draft.prompt, steps: draft.steps, clipSkip: draft.clipSkip)
        let uncond = try promptEncoder.schedule(for: draft.negativePrompt, steps: draft.steps, clipSkip: draft.clipSkip)
        let (condPadded, uncondPadded) = try promptEncoder.padToCommonLength(cond, uncond, clipSkip: draft.clipSkip)
        let sigmaSchedule = try draft.schedule.sigmas(steps: draft.steps, model: sigmas)
        _ = try sample(draft, seed: seed, sigmas: sigmaSchedule, cond: condPadded, uncond: uncondPadded,
                       cancellation: cancellation) { step, denoised in
            var report = GenerationProgress(
                step: step + 1, totalSteps: draft.steps, imageIndex: imageIndex, imageCount: request.batchSize,
                elapsed: Self.seconds(since: start),
                preview: LatentPreview.image(latent: denoised, width: draft.latentWidth, height: draft.latentHeight))
            report.isDraft = true
            progress?(report)
        }
    }

    /// `request` at 1/draftScale of its width and height (multiples of 8, at least 8) with
    /// min(steps, draftScale²) steps: a draft step costs about 1/draftScale² of a full one.
    static func draftRequest(for request: GenerationRequest) -> GenerationRequest {
        var draft = request
        let scale = request.draftScale
        draft.width = max(8, request.width / scale / 8 * 8)
        draft.height = max(8, request.height / scale / 8 * 8)
        draft.steps = min(request.steps, scale * scale)
        draft.draftScale = 1
        draft.batchSize = 1
        return draft
    }
}
