import Foundation

/// DPM-Solver++ (stochastic), the "DPM++ SDE" sampler: two model evaluations per step, with
/// noise added after the half step and after the full step (Euler on the last step to σ = 0).
///
/// Port of k-diffusion 0.1.1 `sampling.py` `sample_dpmpp_sde` (eta 1, s_noise 1, r ½).
///
/// **Deviation from k-diffusion — noise.** k-diffusion, A1111 and ComfyUI drive this sampler
/// with a `BrownianTreeNoiseSampler` (torchsde), whose increments are correlated across
/// sub-steps and seeded separately from the initial noise. Easel draws every increment as
/// fresh N(0, 1) noise from the image's own RNG stream, in call order: each increment has the
/// same distribution and the image is reproducible from its seed alone, but results will not
/// match A1111/ComfyUI pixel for pixel. The deterministic update rules are k-diffusion's.
public func sampleDPMPPSDE(_ denoise: Denoiser, x: [Float], sigmas: [Float],
                           noise: inout any NoiseSource, callback: SamplerCallback? = nil) throws -> [Float] {
    let r = 0.5, fac = 1 / (2 * r)
    return try sampleSteps(denoise, x: x, sigmas: sigmas, callback: callback) { i, x, denoised in
        if sigmas[i + 1] == 0 {  // Euler
            let d = Elementwise.derivative(x: x, denoised: denoised, sigma: sigmas[i])
            return Elementwise.step(x, along: d, by: sigmas[i + 1] - sigmas[i])
        }
        let t = lambdaOf(sigma: Double(sigmas[i])), tNext = lambdaOf(sigma: Double(sigmas[i + 1]))
        let h = tNext - t
        let s = t + h * r

        // Step 1: ancestral half step to σ(s).
        let half = ancestralStep(from: sigmaOf(lambda: t), to: sigmaOf(lambda: s))
        let sDown = lambdaOf(sigma: half.down)
        var x2 = Elementwise.linear(Float(sigmaOf(lambda: sDown) / sigmaOf(lambda: t)), x,
                                    minus: Float(expm1(t - sDown)), denoised)
        x2 = try Elementwise.addNoise(x2, from: &noise, scale: Float(half.up))
        let denoised2 = try evaluate(denoise, x2, Float(sigmaOf(lambda: s)))

        // Step 2: ancestral full step to σ(t_next) with the blended estimate.
        let full = ancestralStep(from: sigmaOf(lambda: t), to: sigmaOf(lambda: tNext))
        let tNextDown = lambdaOf(sigma: full.down)
        let keep = Float(1 - fac), take = Float(fac)
        let denoisedD = Elementwise.combine(denoised, denoised2) { keep * $0 + take * $1 }
        let next = Elementwise.linear(Float(sigmaOf(lambda: tNextDown) / sigmaOf(lambda: t)), x,
                                      minus: Float(expm1(t - tNextDown)), denoisedD)
        return try Elementwise.addNoise(next, from: &noise, scale: Float(full.up))
    }
}

/// DPM-Solver++(2M) SDE with the midpoint correction, the "DPM++ 2M SDE" sampler (the last step
/// to σ = 0 returns the denoised estimate).
///
/// Port of k-diffusion 0.1.1 `sampling.py` `sample_dpmpp_2m_sde` (eta 1, s_noise 1,
/// solver_type "midpoint").
///
/// **Deviation from k-diffusion — noise.** k-diffusion, A1111 and ComfyUI drive this sampler
/// with a `BrownianTreeNoiseSampler` (torchsde), whose increments are correlated across
/// sub-steps and seeded separately from the initial noise. Easel draws every increment as
/// fresh N(0, 1) noise from the image's own RNG stream, in call order: each increment has the
/// same distribution and the image is reproducible from its seed alone, but results will not
/// match A1111/ComfyUI pixel for pixel. The deterministic update rules are k-diffusion's.
public func sampleDPMPP2MSDE(_ denoise: Denoiser, x: [Float], sigmas: [Float],
                             noise: inout any NoiseSource, callback: SamplerCallback? = nil) throws -> [Float] {
    let eta = 1.0
    var oldDenoised: [Float]?
    var hLast: Double?
    return try sampleSteps(denoise, x: x, sigmas: sigmas, callback: callback) { i, x, denoised in
        defer { oldDenoised = denoised }
        if sigmas[i + 1] == 0 { return denoised }
        let t = lambdaOf(sigma: Double(sigmas[i])), s = lambdaOf(sigma: Double(sigmas[i + 1]))
        let h = s - t
        let etaH = eta * h
        defer { hLast = h }
        let decay = Float(Double(sigmas[i + 1]) / Double(sigmas[i]) * exp(-etaH))
        let gain = Float(-expm1(-h - etaH))
        var next = Elementwise.combine(x, denoised) { decay * $0 + gain * $1 }
        if let old = oldDenoised, let hLast {
            let correction = Float(0.5 * -expm1(-h - etaH) * (1 / (hLast / h)))  // midpoint
            next = Elementwise.combine(next, denoised, old) { x, d, o in x + correction * (d - o) }
        }
        let noiseScale = Double(sigmas[i + 1]) * (-expm1(-2 * etaH)).squareRoot()
        return try Elementwise.addNoise(next, from: &noise, scale: Float(noiseScale))
    }
}
