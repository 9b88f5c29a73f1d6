import EngineAPI
import Foundation

extension StableDiffusionPipeline {
    /// The low-resolution first pass of `EngineRequest.draftScale`: the same prompt,
    /// sampler, schedule, CFG and seed at 1/scale of the size with min(steps, scale²) steps,
    /// each step reported with `isDraft` and the latent preview; nothing is decoded.
    func draftPass(_ request: EngineRequest, seed: UInt64, imageIndex: Int, start: DispatchTime,
                   cancellation: CancellationFlag?, progress: ((GenerationProgress) -> Void)?) throws {
        let draft = Self.draftRequest(for: request).settings
        _ = try sample(draft, seed: seed, prepared: try prepare(draft), cancellation: cancellation) { step, denoised in
            progress?(GenerationProgress(
                step: step + 1, totalSteps: draft.steps, imageIndex: imageIndex, imageCount: request.settings.batchSize,
                elapsed: Self.seconds(since: start), preview: self.preview(of: denoised, draft), isDraft: true))
        }
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
