import Foundation

/// The timestep a discrete-time model (an SD UNet) is called at for a noise level σ.
public enum TimestepRule: Equatable, Sendable {
    /// k-diffusion 0.1.1 `external.py` `DiscreteSchedule.sigma_to_t` (`quantize=False`, as
    /// A1111 calls it): log-σ interpolated between the two neighbouring timesteps, so t is
    /// fractional between them.
    case interpolated
    /// ComfyUI `comfy/model_sampling.py` `ModelSamplingDiscrete.timestep`:
    /// `argmin |log σ − log_sigmas|`, the nearest of the trained timesteps in log-σ (torch's
    /// argmin takes the first on a tie). `comfy/model_base.py` `BaseModel._apply_model` passes
    /// it to the UNet as a whole number.
    case nearestDiscrete

    /// The model's timestep for `sigma` on the noise levels `table`.
    public func timestep(for sigma: Double, in table: DiscreteSigmas) -> Double {
        switch self {
        case .interpolated:
            return table.sigmaToT(sigma)
        case .nearestDiscrete:
            let logSigma = Foundation.log(sigma)
            var best = 0
            for (i, l) in table.logSigmas.enumerated() where abs(l - logSigma) < abs(table.logSigmas[best] - logSigma) {
                best = i
            }
            return Double(best)
        }
    }
}
