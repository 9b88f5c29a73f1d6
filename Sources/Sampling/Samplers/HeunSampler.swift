/// Heun's second-order method on the probability-flow ODE (Euler on the last step to σ = 0).
///
/// Port of k-diffusion 0.1.1 `sampling.py` `sample_heun` (Karras et al. 2022, Algorithm 2,
/// s_churn = 0): two model evaluations per step, averaging the slopes at both ends.
public func sampleHeun(_ denoise: Denoiser, x: [Float], sigmas: [Float],
                       noise: inout any NoiseSource, callback: SamplerCallback? = nil) throws -> [Float] {
    try sampleSteps(denoise, x: x, sigmas: sigmas, callback: callback) { i, x, denoised in
        let d = Elementwise.derivative(x: x, denoised: denoised, sigma: sigmas[i])
        let dt = sigmas[i + 1] - sigmas[i]
        let x2 = Elementwise.step(x, along: d, by: dt)
        if sigmas[i + 1] == 0 { return x2 }  // Euler
        let denoised2 = try evaluate(denoise, x2, sigmas[i + 1])
        let d2 = Elementwise.derivative(x: x2, denoised: denoised2, sigma: sigmas[i + 1])
        return Elementwise.combine(x, d, d2) { x, d, d2 in x + ((d + d2) / 2) * dt }
    }
}
