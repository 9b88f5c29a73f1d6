import Foundation

/// The `sgm_uniform` schedule: `steps` timesteps evenly spaced from the last towards 0 with
/// the endpoint 0 left out, mapped to sigma, then 0.
///
/// Port of ComfyUI `comfy/samplers.py` `normal_scheduler(model_sampling, steps, sgm=True)`:
/// `timesteps = linspace(timestep(σmax), timestep(σmin), steps + 1)[:-1]`, each mapped by
/// `model_sampling.sigma(t)` (the same log-sigma interpolation as k-diffusion), then 0.
/// `timestep(σmax)` and `timestep(σmin)` are the table's ends, t_max and 0.
public func sgmUniformSigmas(steps: Int, model: DiscreteSigmas) -> [Float] {
    let tMax = Double(model.maxTimestep)
    return (0..<steps).map { i in
        Float(model.tToSigma(ScaledLinearBetas.linspaceElement(tMax, 0, count: steps + 1, index: i)))
    } + [0]
}
