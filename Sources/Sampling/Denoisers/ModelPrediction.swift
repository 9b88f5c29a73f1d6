/// What a discrete-time diffusion model's raw output is, and how it becomes a denoised image.
///
/// The scalings of k-diffusion 0.1.1 `external.py`, with σ_data = 1:
/// - `epsilon` (`DiscreteEpsDDPMDenoiser.get_scalings`): c_skip = 1, c_out = −σ,
///   c_in = 1/√(σ²+1) — SD 1.x and most SD 2.x-base checkpoints;
/// - `v` (`DiscreteVDDPMDenoiser.get_scalings`): c_skip = 1/(σ²+1), c_out = −σ/√(σ²+1),
///   c_in = 1/√(σ²+1) — SD 2.x 768-v checkpoints.
///
/// The denoised estimate is `x·c_skip + model(x·c_in, t)·c_out`.
public enum ModelPrediction: String, CaseIterable, Sendable {
    case epsilon = "eps"
    case v

    /// `(c_skip, c_out, c_in)` at noise level `sigma`.
    public func scalings(sigma: Double) -> (cSkip: Double, cOut: Double, cIn: Double) {
        let cIn = 1 / (sigma * sigma + 1).squareRoot()
        switch self {
        case .epsilon: return (1, -sigma, cIn)
        case .v: return (1 / (sigma * sigma + 1), -sigma * cIn, cIn)
        }
    }
}
