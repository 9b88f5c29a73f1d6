import Foundation

/// The noise levels a discrete-time model was trained on, and the continuous map between
/// sigma and timestep t.
///
/// Port of k-diffusion 0.1.1 `external.py` `DiscreteSchedule` with the sigmas of
/// `DiscreteEpsDDPMDenoiser`: `sigmas = √((1 − ᾱ) / ᾱ)` (ascending, index = timestep), with
/// `sigma_to_t` and `t_to_sigma` interpolating linearly in log-sigma, so t is continuous.
public struct DiscreteSigmas: Sendable {
    /// Ascending noise levels; `sigmas[t]` belongs to timestep t.
    public let sigmas: [Double]
    /// `log(sigmas)`.
    public let logSigmas: [Double]

    /// SD 1.x/2.x: scaled-linear betas from 0.00085 to 0.012 over 1000 steps.
    public static let stableDiffusion = DiscreteSigmas(validated: ScaledLinearBetas.alphasCumprod())

    /// Sigmas from a model's `alphas_cumprod` (for example the tensor a checkpoint carries).
    public init(alphasCumprod: [Float]) throws {
        guard alphasCumprod.count >= 2 else {
            throw SamplingError.invalidAlphasCumprod("need at least 2 values, got \(alphasCumprod.count)")
        }
        if let bad = alphasCumprod.firstIndex(where: { !($0 > 0 && $0 < 1) }) {
            throw SamplingError.invalidAlphasCumprod("value \(alphasCumprod[bad]) at index \(bad) is not in (0, 1)")
        }
        let sigmas = alphasCumprod.map { Double($0) }.map { ((1 - $0) / $0).squareRoot() }
        if zip(sigmas, sigmas.dropFirst()).contains(where: { $0 >= $1 }) {
            throw SamplingError.invalidAlphasCumprod("values must decrease strictly")
        }
        self.init(sigmas: sigmas)
    }

    private init(validated alphasCumprod: [Float]) {
        self.init(sigmas: alphasCumprod.map { Double($0) }.map { ((1 - $0) / $0).squareRoot() })
    }

    /// A table of ascending noise levels taken as they are (`LCMDistilledSampling`'s 50).
    init(sigmas: [Double]) {
        self.sigmas = sigmas
        self.logSigmas = sigmas.map { Foundation.log($0) }
    }

    public var sigmaMin: Double { sigmas[0] }
    public var sigmaMax: Double { sigmas[sigmas.count - 1] }
    /// The largest timestep, `len(sigmas) − 1`.
    public var maxTimestep: Int { sigmas.count - 1 }

    /// `DiscreteSchedule.sigma_to_t` (unquantised): find the bracketing pair of log-sigmas and
    /// interpolate linearly; outside the table t clamps to 0 or the last timestep.
    public func sigmaToT(_ sigma: Double) -> Double {
        let logSigma = Foundation.log(sigma)
        // low = last index whose log-sigma is ≤ log σ (0 if none), at most count − 2.
        var low = 0
        var lo = 0, hi = logSigmas.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if logSigmas[mid] <= logSigma { low = mid; lo = mid + 1 } else { hi = mid - 1 }
        }
        low = min(low, logSigmas.count - 2)
        let lowLog = logSigmas[low], highLog = logSigmas[low + 1]
        let w = min(max((lowLog - logSigma) / (lowLog - highLog), 0), 1)
        return (1 - w) * Double(low) + w * Double(low + 1)
    }

    /// `DiscreteSchedule.t_to_sigma`: interpolate log-sigma between ⌊t⌋ and ⌈t⌉ (t clamped to
    /// the table; NaN counts as 0).
    public func tToSigma(_ t: Double) -> Double {
        let t = t.isNaN ? 0 : min(max(t, 0), Double(maxTimestep))
        let low = Int(t.rounded(.down)), high = Int(t.rounded(.up))
        let w = t - Double(low)
        return Foundation.exp((1 - w) * logSigmas[low] + w * logSigmas[high])
    }
}
