import Foundation

/// The `exponential` schedule: sigma evenly spaced in log from σmax to σmin, then 0.
///
/// Port of k-diffusion 0.1.1 `sampling.py` `get_sigmas_exponential(n, sigma_min, sigma_max)`:
/// `exp(linspace(log σmax, log σmin, n))`. ComfyUI passes the model's σmin and σmax.
public func exponentialSigmas(steps: Int, sigmaMin: Double, sigmaMax: Double) -> [Float] {
    let logMax = log(sigmaMax), logMin = log(sigmaMin)
    return (0..<steps).map { i in
        Float(exp(ScaledLinearBetas.linspaceElement(logMax, logMin, count: steps, index: i)))
    } + [0]
}
