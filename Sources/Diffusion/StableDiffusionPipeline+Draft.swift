import EngineAPI
import Foundation
import Sampling

extension StableDiffusionPipeline {
    /// The low-resolution first pass of `EngineRequest.draftScale`: the same prompt,
    /// sampler, schedule, CFG and seed at 1/scale of the size with min(steps, scale²) steps,
    /// each step reported with `isDraft` and the latent preview; nothing is decoded.
    func draftPass(_ request: EngineRequest, seed: UInt64, variationSeed: UInt64, imageIndex: Int, start: DispatchTime,
                   cancellation: CancellationFlag?, progress: ((GenerationProgress) -> Void)?) throws {
        let draftRequest = Self.draftRequest(for: request)
        let draft = draftRequest.settings
        let prepared = try prepare(draft)
        let job = Job(request: draftRequest, seed: seed, variationSeed: variationSeed, prepared: prepared,
                      cancellation: cancellation) { step, total, preview in
            progress?(GenerationProgress(
                step: step, totalSteps: total, imageIndex: imageIndex, imageCount: request.settings.batchSize,
                elapsed: Self.seconds(since: start), preview: preview, isDraft: true))
        }
        let size = LatentSize(draft)
        var noise = noiseSource(job, size)
        let plan = SamplingPlan(size: size, sigmas: prepared.sigmas, imageConditioning: try emptyImageConditioning(size))
        _ = try sample(plan, job, noise: &noise, stepOffset: 0, totalSteps: draft.steps)
    }

    /// `request` at 1/draftScale of its width and height (multiples of 8, at least 8) with
    /// min(steps, draftScale²) steps: a draft step costs about 1/draftScale² of a full one.
    static func draftRequest(for request: EngineRequest) -> EngineRequest {
        var draft = request
        let scale = request.draftScale
        draft.settings.width = max(8, request.settings.width / scale / 8 * 8)
        draft.settings.height = max(8, request.settings.height / scale / 8 * 8)
        draft.settings.steps = min(request.settings.steps, scale * scale)
        draft.settings.batchSize = 1
        draft.draftScale = 1
        return draft
    }
}
