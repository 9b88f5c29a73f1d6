import RenderSettings
import Sampling

extension GenerationRequest {
    /// The engine request for user-facing settings. Sampler and schedule map by canonical id.
    public init(_ settings: RenderSettings) throws {
        self.init(prompt: settings.prompt, negativePrompt: settings.negativePrompt, steps: settings.steps,
                  sampler: try SamplerKind(id: settings.sampler.id), schedule: try ScheduleKind(id: settings.schedule.id),
                  cfgScale: settings.cfgScale, seed: settings.seed, width: settings.width, height: settings.height,
                  clipSkip: settings.clipSkip, batchSize: settings.batchSize)
    }
}
