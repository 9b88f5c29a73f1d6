import PromptKit
import RenderSettings

/// A line of the parameter panel.
public enum ParameterField: String, Equatable, Hashable, Sendable, CaseIterable {
    case family, model, sampler, schedule, steps, cfg, clipSkip, aspect, width, height, seed, variationSeed, variationStrength
    case strength

    public var label: String {
        switch self {
        case .family: return "Family"
        case .model: return "Model"
        case .sampler: return "Sampler"
        case .schedule: return "Schedule"
        case .steps: return "Steps"
        case .cfg: return "CFG"
        case .clipSkip: return "Clip skip"
        case .aspect: return "Aspect"
        case .width: return "Width"
        case .height: return "Height"
        case .seed: return "Seed"
        case .variationSeed: return "Var. seed"
        case .variationStrength: return "Var. str."
        case .strength: return "Strength"
        }
    }

    /// Chosen from a list (Enter opens a picker) rather than typed.
    public var isChoice: Bool {
        switch self {
        case .family, .model, .sampler, .schedule, .aspect: return true
        default: return false
        }
    }

    /// Fields whose value is typed as a number (Enter or a digit opens the number prompt).
    public static let typedFields: Set<ParameterField> = [.steps, .cfg, .clipSkip, .width, .height, .seed,
                                                          .variationSeed, .variationStrength]

    /// The rows that hold a seed (`c` copies it, `p` takes the previous render's, `r` draws one).
    public var isSeed: Bool { self == .seed || self == .variationSeed }

    /// The slider's range, small step and big step, for numeric fields with a slider.
    public var slider: SliderScale? {
        switch self {
        case .steps: return SliderScale(range: 1...150, step: 1, bigStep: 10, snap: 1)
        case .cfg: return SliderScale(range: 1...30, step: 0.5, bigStep: 2.5, snap: 0.5)
        case .clipSkip: return SliderScale(range: 1...12, step: 1, bigStep: 2, snap: 1)
        case .width, .height: return SliderScale(range: 64...2048, step: 64, bigStep: 256, snap: 8)
        case .strength: return SliderScale(range: 0.05...1, step: 0.05, bigStep: 0.25, snap: 0.05)
        case .variationStrength: return SliderScale(range: 0...1, step: 0.05, bigStep: 0.25, snap: 0.01)
        default: return nil
        }
    }
}

/// A numeric slider's range and step sizes.
public struct SliderScale: Equatable, Sendable {
    public var range: ClosedRange<Double>
    public var step: Double
    public var bigStep: Double
    /// Values land on multiples of this (sizes on the latent grid of 8 px).
    public var snap: Double

    /// `value` moved by `amount` (e.g. `step` or `-bigStep`), snapped and clamped.
    public func adjust(_ value: Double, by amount: Double) -> Double {
        let moved = value + amount
        let snapped = (moved / snap).rounded() * snap
        return min(range.upperBound, max(range.lowerBound, snapped))
    }

    /// Position 0…1 of a value along the slider.
    public func fraction(_ value: Double) -> Double {
        let span = range.upperBound - range.lowerBound
        return span > 0 ? min(1, max(0, (value - range.lowerBound) / span)) : 0
    }
}
