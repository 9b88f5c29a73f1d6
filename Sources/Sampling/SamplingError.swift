import Catalog

/// Errors from the Sampling module; each description is one line naming the bad value.
public enum SamplingError: Error, Equatable, CustomStringConvertible {
    case invalidStepCount(Int)
    case invalidAlphasCumprod(String)
    case denoiserOutputCount(expected: Int, got: Int)
    case noiseSourceCount(expected: Int, got: Int)
    case lmsOrderTooHigh(order: Int, step: Int)

    public var description: String {
        switch self {
        case .invalidStepCount(let steps):
            return "steps must be between 1 and \(Schedule.maxSteps), got \(steps)"
        case .invalidAlphasCumprod(let reason):
            return "invalid alphas_cumprod: \(reason)"
        case .denoiserOutputCount(let expected, let got):
            return "denoiser returned \(got) values for an input of \(expected)"
        case .noiseSourceCount(let expected, let got):
            return "noise source returned \(got) samples where \(expected) were asked for"
        case .lmsOrderTooHigh(let order, let step):
            return "LMS order \(order) too high for step \(step)"
        }
    }
}
