/// Wraps a discrete-time UNet as a k-diffusion denoiser `D(x, σ)`.
///
/// Port of k-diffusion 0.1.1 `external.py` `CompVisDenoiser` / `DiscreteEpsDDPMDenoiser.forward`
/// (and `CompVisVDenoiser` for v-prediction): scale the input by c_in, run the model at the
/// continuous timestep `t = sigma_to_t(σ)` (or, with `TimestepRule.nearestDiscrete`, ComfyUI's
/// nearest discrete one), and combine `x·c_skip + output·c_out`.
/// Classifier-free guidance and batching stay in the caller's `model` closure: guidance on
/// eps equals guidance on the denoised output, since the map is affine with the same x.
public struct CompVisDenoiser {
    /// The raw network: `(x·c_in, t) → eps` (or v), one value per input value.
    public typealias Model = (_ scaledInput: [Float], _ t: Float) throws -> [Float]

    public let sigmas: DiscreteSigmas
    public let prediction: ModelPrediction
    /// Which timestep the model is called at for a σ.
    public let timestep: TimestepRule
    private let model: Model

    public init(sigmas: DiscreteSigmas = .stableDiffusion, prediction: ModelPrediction = .epsilon,
                timestep: TimestepRule = .interpolated, model: @escaping Model) {
        self.sigmas = sigmas
        self.prediction = prediction
        self.timestep = timestep
        self.model = model
    }

    /// The denoised estimate of `x` at noise level `sigma`.
    public func callAsFunction(_ x: [Float], sigma: Float) throws -> [Float] {
        let scale = prediction.scalings(sigma: Double(sigma))
        let cIn = Float(scale.cIn), cOut = Float(scale.cOut), cSkip = Float(scale.cSkip)
        let output = try model(x.map { $0 * cIn }, Float(timestep.timestep(for: Double(sigma), in: sigmas)))
        guard output.count == x.count else {
            throw SamplingError.denoiserOutputCount(expected: x.count, got: output.count)
        }
        switch prediction {
        case .epsilon: return zip(x, output).map { $0 + $1 * cOut }
        case .v: return zip(x, output).map { $1 * cOut + $0 * cSkip }
        }
    }

    /// This denoiser as the closure samplers take.
    public var denoiser: Denoiser { { x, sigma in try self(x, sigma: sigma) } }
}
