import RenderSettings

extension PromptLinter {
    /// Steps and CFG against a few-step model's ranges (`FewStepProfile`).
    func fewStepWarnings(_ input: LintInput, _ profile: FewStepProfile) -> [LintWarning] {
        var warnings: [LintWarning] = []
        if let steps = input.steps, !profile.steps.contains(steps) {
            warnings.append(.init(.fewStep, "\(profile.name) models want \(profile.steps.lowerBound)–\(profile.steps.upperBound) steps, got \(steps)"))
        }
        if let cfg = input.cfg, !profile.cfg.contains(cfg) {
            let range = profile.cfg.lowerBound == profile.cfg.upperBound ? number(profile.cfg.lowerBound)
                : "\(number(profile.cfg.lowerBound))–\(number(profile.cfg.upperBound))"
            warnings.append(.init(.fewStep, "\(profile.name) models want CFG \(range), got \(number(cfg))"))
        }
        return warnings
    }
}
