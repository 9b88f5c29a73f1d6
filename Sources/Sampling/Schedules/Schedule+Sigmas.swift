import Catalog

/// The sigma computation behind `Catalog`'s `Schedule` ids.
///
/// Every schedule returns `steps + 1` sigmas, descending, ending in 0, so any schedule combines
/// with any sampler.
extension Schedule {
    /// The most steps a schedule accepts (ComfyUI's limit).
    public static let maxSteps = 10_000

    /// The sigmas for `steps` steps (1…`maxSteps`) over `model`'s trained noise levels.
    public func sigmas(steps: Int, model: DiscreteSigmas = .stableDiffusion) throws -> [Float] {
        guard (1...Self.maxSteps).contains(steps) else { throw SamplingError.invalidStepCount(steps) }
        switch self {
        case .normal: return normalSigmas(steps: steps, model: model)
        case .karras: return karrasSigmas(steps: steps, sigmaMin: model.sigmaMin, sigmaMax: model.sigmaMax)
        case .exponential: return exponentialSigmas(steps: steps, sigmaMin: model.sigmaMin, sigmaMax: model.sigmaMax)
        case .sgmUniform: return sgmUniformSigmas(steps: steps, model: model)
        case .simple: return simpleSigmas(steps: steps, model: model)
        case .trailing: return trailingSigmas(steps: steps, model: model)
        }
    }
}
