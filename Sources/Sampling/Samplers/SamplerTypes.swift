import Foundation

/// A denoiser `D(x, σ)`: the model's estimate of the clean sample given `x` at noise level σ
/// (k-diffusion's `model(x, sigma)`). Must return exactly one value per input value.
public typealias Denoiser = (_ x: [Float], _ sigma: Float) throws -> [Float]

/// What a sampler reports after the first model evaluation of each step (k-diffusion's
/// `callback({'x', 'i', 'sigma', 'denoised'})`).
public struct SamplerStep {
    /// 0-based step index (k-diffusion's `i`).
    public let step: Int
    /// Number of steps, `sigmas.count − 1`.
    public let total: Int
    /// The step's starting noise level, `sigmas[step]`.
    public let sigma: Float
    /// The sample at the start of the step.
    public let x: [Float]
    /// The model's denoised estimate at that point (what previews show).
    public let denoised: [Float]
}

/// Called once per step; throwing from it stops sampling (this is how callers cancel).
public typealias SamplerCallback = (SamplerStep) throws -> Void

/// The shape every sampler has: `(denoise, x, sigmas, noise) → x`, plus an optional callback.
/// `x` arrives already scaled to `sigmas[0]` (for txt2img: noise · σ₀).
public typealias SamplerFunction = (_ denoise: Denoiser, _ x: [Float], _ sigmas: [Float],
                                    _ noise: inout any NoiseSource, _ callback: SamplerCallback?) throws -> [Float]

/// The loop all k-diffusion samplers share: for each step i, evaluate `D(x, σ_i)`, report it to
/// the callback, then let `update(i, x, denoised)` produce the next x.
func sampleSteps(_ denoise: Denoiser, x: [Float], sigmas: [Float], callback: SamplerCallback?,
                 update: (_ i: Int, _ x: [Float], _ denoised: [Float]) throws -> [Float]) throws -> [Float] {
    var x = x
    for i in 0..<max(sigmas.count - 1, 0) {
        let denoised = try evaluate(denoise, x, sigmas[i])
        try callback?(SamplerStep(step: i, total: sigmas.count - 1, sigma: sigmas[i], x: x, denoised: denoised))
        x = try update(i, x, denoised)
    }
    return x
}

/// Runs `denoise` and checks that it kept the sample's size.
@inline(__always)
func evaluate(_ denoise: Denoiser, _ x: [Float], _ sigma: Float) throws -> [Float] {
    let denoised = try denoise(x, sigma)
    guard denoised.count == x.count else {
        throw SamplingError.denoiserOutputCount(expected: x.count, got: denoised.count)
    }
    return denoised
}

/// The ancestral split of a step from `from` to `to` (eta 1).
///
/// Port of k-diffusion 0.1.1 `sampling.py` `get_ancestral_step`: step deterministically down to
/// `down`, then add noise of size `up`, so that `down² + up² = to²`:
/// `up = min(to, √(to²·(from² − to²)/from²))`, `down = √(to² − up²)`.
func ancestralStep(from: Double, to: Double, eta: Double = 1) -> (down: Double, up: Double) {
    guard eta != 0 else { return (to, 0) }
    let up = min(to, eta * max(to * to * (from * from - to * to) / (from * from), 0).squareRoot())
    let down = max(to * to - up * up, 0).squareRoot()
    return (down, up)
}

/// DPM-Solver's time variable and back: `t = −log σ`, `σ = e^(−t)` (k-diffusion's `t_fn`,
/// `sigma_fn`).
@inline(__always) func lambdaOf(sigma: Double) -> Double { -log(sigma) }
@inline(__always) func sigmaOf(lambda t: Double) -> Double { exp(-t) }
