import Foundation

/// The `normal` schedule: `steps` timesteps evenly spaced from the last to 0, mapped to sigma
/// by log-sigma interpolation, then 0.
///
/// Port of k-diffusion 0.1.1 `external.py` `DiscreteSchedule.get_sigmas(n)`:
/// `t = linspace(t_max, 0, n)`, `append_zero(t_to_sigma(t))`.
public func normalSigmas(steps: Int, model: DiscreteSigmas) -> [Float] {
    let tMax = Double(model.maxTimestep)
    return (0..<steps).map { i in
        Float(model.tToSigma(ScaledLinearBetas.linspaceElement(tMax, 0, count: steps, index: i)))
    } + [0]
}
