import Foundation

/// The noise levels of an LCM checkpoint: 50 of the model's 1000 trained timesteps
/// (19, 39, …, 999), a quantised map from sigma to timestep and an interpolated map back.
///
/// Port of ComfyUI `comfy_extras/nodes_model_advanced.py` `ModelSamplingDiscreteDistilled`
/// (`original_timesteps = 50`, `skip_steps = 1000 // 50`): the table
/// `sigmas50[49 − x] = σ_full[999 − 20x]` with `σ_full = √((1 − ᾱ)/ᾱ)` over the float64 ᾱ of
/// `make_beta_schedule`, stored as float32; `timestep(σ) = argmin_j |log σ − log sigmas50[j]|·20 + 19`;
/// `sigma(t) = exp(lerp(log sigmas50, clamp((t − 19)/20, 0, 49)))`.
public struct LCMDistilledSampling: Sendable {
    /// The table as `DiscreteSigmas` in index space (0…49): schedules computed over it equal
    /// ComfyUI's over the distilled model sampling, since `sigma(19 + 20·i)` is entry i.
    public let table: DiscreteSigmas
    /// Trained timesteps between two table entries (20).
    public let skipSteps: Int

    public init(alphasCumprod: [Double] = ScaledLinearBetas.alphasCumprod64(), originalTimesteps: Int = 50) {
        let skip = alphasCumprod.count / originalTimesteps
        let sigmas = (0..<originalTimesteps).map { j -> Double in
            let a = alphasCumprod[skip * j + skip - 1]
            return Double(Float(((1 - a) / a).squareRoot()))
        }
        table = DiscreteSigmas(sigmas: sigmas)
        skipSteps = skip
    }

    /// The integer timestep the UNet is given at noise level σ.
    public func timestep(sigma: Double) -> Int {
        let logSigma = Foundation.log(sigma)
        var best = 0
        for (j, l) in table.logSigmas.enumerated() where abs(logSigma - l) < abs(logSigma - table.logSigmas[best]) {
            best = j
        }
        return best * skipSteps + skipSteps - 1
    }

    /// The noise level of timestep t (fractional t interpolates in log-sigma).
    public func sigma(timestep t: Double) -> Double {
        table.tToSigma((t - Double(skipSteps - 1)) / Double(skipSteps))
    }
}

/// An eps model under LCM's boundary-condition scalings, as a k-diffusion denoiser.
///
/// Port of ComfyUI `comfy_extras/nodes_model_advanced.py` `LCM.calculate_denoised` on
/// `comfy/model_sampling.py` `EPS`: `c_in = 1/√(σ²+1)`, `eps = model(x·c_in, timestep(σ))`,
/// `x0 = x − eps·σ`; with `T = 10·timestep(σ)` (timestep scaling 10) and σ_data = 0.5,
/// `c_skip = σ_data²/(T² + σ_data²)`, `c_out = T/√(T² + σ_data²)`, and
/// `denoised = c_out·x0 + c_skip·x` (x the unscaled input). diffusers `LCMScheduler`
/// `get_scalings_for_boundary_condition_discrete` is the same formula.
public struct LCMDenoiser {
    public let sampling: LCMDistilledSampling
    private let model: CompVisDenoiser.Model

    public init(sampling: LCMDistilledSampling = LCMDistilledSampling(), model: @escaping CompVisDenoiser.Model) {
        self.sampling = sampling
        self.model = model
    }

    public func callAsFunction(_ x: [Float], sigma: Float) throws -> [Float] {
        let s = Double(sigma)
        let cIn = Float(1 / (s * s + 1).squareRoot())
        let timestep = sampling.timestep(sigma: s)
        let eps = try model(x.map { $0 * cIn }, Float(timestep))
        guard eps.count == x.count else { throw SamplingError.denoiserOutputCount(expected: x.count, got: eps.count) }
        let scaled = 10 * Double(timestep), dataVariance = 0.25
        let cSkip = Float(dataVariance / (scaled * scaled + dataVariance))
        let cOut = Float(scaled / (scaled * scaled + dataVariance).squareRoot())
        return zip(x, eps).map { x, e in cOut * (x - e * sigma) + cSkip * x }
    }

    public var denoiser: Denoiser { { x, sigma in try self(x, sigma: sigma) } }
}
