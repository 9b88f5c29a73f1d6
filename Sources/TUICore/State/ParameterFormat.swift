import EngineAPI
import Foundation
import PromptKit
import RenderSettings

/// How parameter values and recommendations read on screen.
public enum ParameterFormat {
    /// `7`, `7.5`, `3.25`: no trailing zeros.
    public static func number(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// The current value of a parameter as text.
    public static func value(_ field: ParameterField, _ document: Document, modelName: String? = nil) -> String {
        let s = document.settings
        switch field {
        case .family: return document.family.rawValue
        case .model:
            if let modelName { return modelName }
            return document.modelPath.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "none"
        case .sampler: return s.sampler.displayName
        case .schedule: return s.schedule.displayName
        case .steps: return String(s.steps)
        case .cfg: return number(s.cfgScale)
        case .clipSkip: return String(s.clipSkip)
        case .aspect: return AspectPreset.describe(width: s.width, height: s.height)
        case .width: return String(s.width)
        case .height: return String(s.height)
        case .seed: return String(s.seed)
        case .variationSeed: return String(s.variation.seed)
        case .variationStrength: return number(s.variation.strength)
        case .strength:
            guard document.initImagePath != nil else { return "off (F7: init image)" }
            return number(s.denoisingStrength ?? Document.defaultStrength)
        }
    }

    /// The recommended range for a slider: for steps and sizes the model's own `advice` when it
    /// has some (what the model can serve), else the family's from `ModelProfiles`; CFG always
    /// the family's, so the slider and the lint rule agree: within ±2 of its value,
    /// the steps range, clip skip realistic…anime, sides up to the largest recommended. Nil when
    /// neither gives advice.
    public static func recommended(_ field: ParameterField, family: ModelFamily,
                                   advice: ModelAdvice? = nil) -> ClosedRange<Double>? {
        if let advice {
            switch field {
            case .steps: return Double(advice.steps.lowerBound)...Double(advice.steps.upperBound)
            case .width, .height: return 64...Double(advice.maxSide)
            default: break
            }
        }
        let profile = family.profile
        switch field {
        case .cfg:
            return profile.recommendedCFG.map { max(1, $0 - 2)...($0 + 2) }
        case .steps:
            return profile.steps.map { Double($0.lowerBound)...Double($0.upperBound) }
        case .clipSkip:
            let a = Double(min(profile.clipSkipRealistic, profile.clipSkipAnime))
            let b = Double(max(profile.clipSkipRealistic, profile.clipSkipAnime))
            return a...b
        case .width, .height:
            return profile.maxSide.map { 64...Double($0) }
        default:
            return nil
        }
    }

    /// "rec 5–9" for the hint next to a slider. On families whose clip skip reads differently
    /// (SDXL and Pony, `ModelProfile.clipSkipNote`), the clip skip hint says which layer the
    /// `value` takes instead: "2nd last" for 1 and 2 (A1111 ignores both), "3rd last" for 3, ….
    public static func recommendedLabel(_ field: ParameterField, family: ModelFamily,
                                        advice: ModelAdvice? = nil, value: Double? = nil) -> String? {
        if field == .clipSkip, family.profile.clipSkipNote != nil, let value {
            let layer = max(2, Int(value))
            let suffix = layer % 10 == 2 && layer % 100 != 12 ? "nd" : layer % 10 == 3 && layer % 100 != 13 ? "rd" : "th"
            return "\(layer)\(suffix) last"
        }
        guard let range = recommended(field, family: family, advice: advice) else { return nil }
        if field == .width || field == .height { return "≤ \(number(range.upperBound))" }
        if range.lowerBound == range.upperBound { return "rec \(number(range.lowerBound))" }
        return "rec \(number(range.lowerBound))–\(number(range.upperBound))"
    }

    /// Whether a slider's value lies outside its recommended range (width and height together).
    public static func isOutsideAdvice(_ field: ParameterField, _ document: Document, advice: ModelAdvice?) -> Bool {
        let s = document.settings
        let value: Double
        switch field {
        case .steps: value = Double(s.steps)
        case .cfg: value = s.cfgScale
        case .clipSkip: value = Double(s.clipSkip)
        case .width: value = Double(max(s.width, s.height))
        case .height: value = Double(s.height)
        default: return false
        }
        return recommended(field, family: document.family, advice: advice).map { !$0.contains(value) } ?? false
    }
}
