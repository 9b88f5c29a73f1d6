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
        case .strength:
            guard document.initImagePath != nil else { return "off (b: init image)" }
            return number(s.denoisingStrength ?? Document.defaultStrength)
        }
    }

    /// The recommended range for a slider: the model's own `advice` when it has some, else the
    /// family's from `ModelProfiles`: CFG within ±2 of the recommended value (the lint rule),
    /// the steps range, clip skip realistic…anime, sides up to the largest recommended. Nil when
    /// neither gives advice.
    public static func recommended(_ field: ParameterField, family: ModelFamily,
                                   advice: ModelAdvice? = nil) -> ClosedRange<Double>? {
        if let advice {
            switch field {
            case .cfg: return advice.cfg
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

    /// "rec 5–9" for the hint next to a slider.
    public static func recommendedLabel(_ field: ParameterField, family: ModelFamily,
                                        advice: ModelAdvice? = nil) -> String? {
        guard let range = recommended(field, family: family, advice: advice) else { return nil }
        if field == .width || field == .height { return "≤ \(number(range.upperBound))" }
        if range.lowerBound == range.upperBound { return "rec \(number(range.lowerBound))" }
        return "rec \(number(range.lowerBound))–\(number(range.upperBound))"
    }
}
