import RenderSettings

extension GenerationRequest {
    /// The engine request for user-facing settings; both speak `Catalog`'s sampler and schedule.
    public init(_ settings: RenderSettings) {
        self.init(prompt: settings.prompt, negativePrompt: settings.negativePrompt, steps: settings.steps,
                  sampler: settings.sampler, schedule: settings.schedule,
                  cfgScale: settings.cfgScale, seed: settings.seed, width: settings.width, height: settings.height,
                  clipSkip: settings.clipSkip, batchSize: settings.batchSize)
    }
}
