import Foundation

/// DPM-Solver-2 style midpoint steps (Euler on the last step to σ = 0).
///
/// Port of k-diffusion 0.1.1 `sampling.py` `sample_dpm_2` (s_churn = 0): an Euler half-step to
/// the log-midpoint σ_mid, then the full step with the slope found there.
public func sampleDPM2(_ denoise: Denoiser, x: [Float], sigmas: [Float],
                       noise: inout any NoiseSource, callback: SamplerCallback? = nil) throws -> [Float] {
    try sampleSteps(denoise, x: x, sigmas: sigmas, callback: callback) { i, x, denoised in
        let d = Elementwise.derivative(x: x, denoised: denoised, sigma: sigmas[i])
        if sigmas[i + 1] == 0 { return Elementwise.step(x, along: d, by: sigmas[i + 1] - sigmas[i]) }
        return try dpm2MidpointStep(denoise, x: x, d: d, from: sigmas[i], to: Double(sigmas[i + 1]))
    }
}

/// Ancestral DPM-Solver-2: the midpoint step down to σ_down, then noise of size σ_up.
///
/// Port of k-diffusion 0.1.1 `sampling.py` `sample_dpm_2_ancestral` (eta 1, s_noise 1).
public func sampleDPM2Ancestral(_ denoise: Denoiser, x: [Float], sigmas: [Float],
                                noise: inout any NoiseSource, callback: SamplerCallback? = nil) throws -> [Float] {
    try sampleSteps(denoise, x: x, sigmas: sigmas, callback: callback) { i, x, denoised in
        let (down, up) = ancestralStep(from: Double(sigmas[i]), to: Double(sigmas[i + 1]))
        let d = Elementwise.derivative(x: x, denoised: denoised, sigma: sigmas[i])
        if down == 0 { return Elementwise.step(x, along: d, by: Float(down) - sigmas[i]) }
        let stepped = try dpm2MidpointStep(denoise, x: x, d: d, from: sigmas[i], to: down)
        return try Elementwise.addNoise(stepped, from: &noise, scale: Float(up))
    }
}

/// `σ_mid = exp(lerp(log σ, log σ_to, ½))`, `x_2 = x + d·(σ_mid − σ)`,
/// `d_2 = to_d(x_2, σ_mid, D(x_2, σ_mid))`, result `x + d_2·(σ_to − σ)`.
private func dpm2MidpointStep(_ denoise: Denoiser, x: [Float], d: [Float], from sigma: Float,
                              to target: Double) throws -> [Float] {
    let logSigma = log(Double(sigma))
    let sigmaMid = Float(exp(logSigma + 0.5 * (log(target) - logSigma)))
    let x2 = Elementwise.step(x, along: d, by: sigmaMid - sigma)
    let denoised2 = try evaluate(denoise, x2, sigmaMid)
    let d2 = Elementwise.derivative(x: x2, denoised: denoised2, sigma: sigmaMid)
    return Elementwise.step(x, along: d2, by: Float(target) - sigma)
}
