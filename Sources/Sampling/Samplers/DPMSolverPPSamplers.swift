import Foundation

/// DPM-Solver++(2M): a second-order multistep exponential integrator in λ = −log σ, reusing
/// the previous step's denoised estimate.
///
/// Port of k-diffusion 0.1.1 `sampling.py` `sample_dpmpp_2m` (Lu et al. 2022,
/// arXiv:2211.01095). The first step and the last step to σ = 0 are first order.
public func sampleDPMPP2M(_ denoise: Denoiser, x: [Float], sigmas: [Float],
                          noise: inout any NoiseSource, callback: SamplerCallback? = nil) throws -> [Float] {
    var oldDenoised: [Float]?
    return try sampleSteps(denoise, x: x, sigmas: sigmas, callback: callback) { i, x, denoised in
        defer { oldDenoised = denoised }
        let t = lambdaOf(sigma: Double(sigmas[i])), tNext = lambdaOf(sigma: Double(sigmas[i + 1]))
        let h = tNext - t
        let ratio = Float(sigmaOf(lambda: tNext) / sigmaOf(lambda: t))  // 0 when σ_next = 0
        let weight = Float(expm1(-h))                                  // −1 when σ_next = 0
        guard let old = oldDenoised, sigmas[i + 1] != 0 else {
            return Elementwise.linear(ratio, x, minus: weight, denoised)
        }
        let r = (t - lambdaOf(sigma: Double(sigmas[i - 1]))) / h
        let a = Float(1 + 1 / (2 * r)), b = Float(1 / (2 * r))
        let denoisedD = Elementwise.combine(denoised, old) { a * $0 - b * $1 }
        return Elementwise.linear(ratio, x, minus: weight, denoisedD)
    }
}

/// Ancestral DPM-Solver++(2S): a single-step second-order update down to σ_down, then noise of
/// size σ_up (Euler on the last step to σ = 0).
///
/// Port of k-diffusion 0.1.1 `sampling.py` `sample_dpmpp_2s_ancestral` (eta 1, s_noise 1, r ½).
public func sampleDPMPP2SAncestral(_ denoise: Denoiser, x: [Float], sigmas: [Float],
                                   noise: inout any NoiseSource, callback: SamplerCallback? = nil) throws -> [Float] {
    try sampleSteps(denoise, x: x, sigmas: sigmas, callback: callback) { i, x, denoised in
        let (down, up) = ancestralStep(from: Double(sigmas[i]), to: Double(sigmas[i + 1]))
        var next: [Float]
        if down == 0 {
            let d = Elementwise.derivative(x: x, denoised: denoised, sigma: sigmas[i])
            next = Elementwise.step(x, along: d, by: Float(down) - sigmas[i])
        } else {
            let t = lambdaOf(sigma: Double(sigmas[i])), tNext = lambdaOf(sigma: down)
            let h = tNext - t
            let s = t + 0.5 * h
            let x2 = Elementwise.linear(Float(sigmaOf(lambda: s) / sigmaOf(lambda: t)), x,
                                        minus: Float(expm1(-h * 0.5)), denoised)
            let denoised2 = try evaluate(denoise, x2, Float(sigmaOf(lambda: s)))
            next = Elementwise.linear(Float(sigmaOf(lambda: tNext) / sigmaOf(lambda: t)), x,
                                      minus: Float(expm1(-h)), denoised2)
        }
        if sigmas[i + 1] > 0 { next = try Elementwise.addNoise(next, from: &noise, scale: Float(up)) }
        return next
    }
}
