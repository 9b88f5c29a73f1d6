/// Euler steps along the probability-flow ODE `dx/dσ = (x − D(x, σ))/σ`.
///
/// Port of k-diffusion 0.1.1 `sampling.py` `sample_euler` (Karras et al. 2022, Algorithm 2,
/// with the defaults s_churn = 0, so σ̂ = σ and no churn noise is drawn).
public func sampleEuler(_ denoise: Denoiser, x: [Float], sigmas: [Float],
                        noise: inout any NoiseSource, callback: SamplerCallback? = nil) throws -> [Float] {
    try sampleSteps(denoise, x: x, sigmas: sigmas, callback: callback) { i, x, denoised in
        let d = Elementwise.derivative(x: x, denoised: denoised, sigma: sigmas[i])
        return Elementwise.step(x, along: d, by: sigmas[i + 1] - sigmas[i])
    }
}

/// Ancestral Euler: an Euler step down to σ_down, then fresh noise of size σ_up from `noise`.
///
/// Port of k-diffusion 0.1.1 `sampling.py` `sample_euler_ancestral` (eta 1, s_noise 1); no noise
/// is drawn on the final step to σ = 0.
public func sampleEulerAncestral(_ denoise: Denoiser, x: [Float], sigmas: [Float],
                                 noise: inout any NoiseSource, callback: SamplerCallback? = nil) throws -> [Float] {
    try sampleSteps(denoise, x: x, sigmas: sigmas, callback: callback) { i, x, denoised in
        let (down, up) = ancestralStep(from: Double(sigmas[i]), to: Double(sigmas[i + 1]))
        let d = Elementwise.derivative(x: x, denoised: denoised, sigma: sigmas[i])
        let stepped = Elementwise.step(x, along: d, by: Float(down) - sigmas[i])
        return sigmas[i + 1] > 0 ? try Elementwise.addNoise(stepped, from: &noise, scale: Float(up)) : stepped
    }
}
