import Foundation

/// How the start latent is made from the first noise draw: `x = init + noise·factor`, with
/// `init` the img2img latent (zero for txt2img).
public enum StartNoiseScaling: Equatable, Sendable {
    /// k-diffusion / A1111: `factor = σ₀` (k-diffusion `sampling.py` callers,
    /// `x = torch.randn(…) * sigmas[0]`; A1111 `sd_samplers_kdiffusion.py` `sample`).
    case sigma
    /// ComfyUI `comfy/model_sampling.py` `EPS.noise_scaling`: `factor = √(1 + σ₀²)` when
    /// `max_denoise`, else `σ₀`; `max_denoise` is `comfy/samplers.py` `Sampler.max_denoise`:
    /// `math.isclose(sigma_max, σ₀, rel_tol=1e-05) or σ₀ > sigma_max`, with `sigma_max` the
    /// model's largest discrete sigma (txt2img schedules start there; img2img's truncated ones
    /// do not).
    case comfyUI

    /// The factor the first noise draw is multiplied by, for a schedule starting at `sigma0`
    /// on a model whose largest noise level is `sigmaMax`.
    public func factor(sigma0: Float, sigmaMax: Double) -> Float {
        switch self {
        case .sigma:
            return sigma0
        case .comfyUI:
            let s = Double(sigma0)
            // Python `math.isclose(a, b, rel_tol)`: |a − b| ≤ rel_tol · max(|a|, |b|).
            let maxDenoise = abs(sigmaMax - s) <= 1e-5 * max(abs(sigmaMax), abs(s)) || s > sigmaMax
            return maxDenoise ? (1 + sigma0 * sigma0).squareRoot() : sigma0
        }
    }

    /// `init + noise·factor` per value (`init` nil: `noise·factor`).
    public func startLatent(noise: [Float], sigma0: Float, sigmaMax: Double, initLatent: [Float]?) -> [Float] {
        let f = factor(sigma0: sigma0, sigmaMax: sigmaMax)
        guard let initLatent else { return noise.map { $0 * f } }
        return zip(initLatent, noise).map { $0 + $1 * f }
    }
}
