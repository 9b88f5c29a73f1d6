extension FewStepProfile {
    /// Settings moved into this kind's advice: steps and CFG clamped to its ranges, its
    /// sampler, schedule and model sampling.
    public func adjusted(_ settings: RenderSettings) -> RenderSettings {
        var s = settings
        s.steps = min(max(s.steps, steps.lowerBound), steps.upperBound)
        s.cfgScale = min(max(s.cfgScale, cfg.lowerBound), cfg.upperBound)
        (s.sampler, s.schedule, s.modelSampling) = (sampler, schedule, modelSampling)
        return s
    }
}
