import Foundation

/// A one-line, user-facing error about render settings, sampler names or infotext.
public enum RenderSettingsError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case unknownSampler(String)
    case unknownSchedule(String)
    case unknownRNG(String)
    /// An infotext key whose value does not parse, e.g. `Steps: many`.
    case invalidInfotextValue(key: String, value: String, expected: String)
    /// A setting outside its allowed range, e.g. `steps` = 0.
    case invalidSetting(field: String, reason: String)
    /// A ComfyUI PNG's graph that gives no settings.
    case badComfyWorkflow(String)

    public var description: String {
        switch self {
        case .badComfyWorkflow(let reason):
            return "ComfyUI workflow: \(reason)"
        case .unknownSampler(let name):
            return "unknown sampler '\(name)'; valid: \(SamplerCatalog.validSamplerNames)"
        case .unknownSchedule(let name):
            return "unknown schedule '\(name)'; valid: \(SamplerCatalog.validScheduleNames)"
        case .unknownRNG(let name):
            return "unknown RNG '\(name)'; valid: cpu, gpu, nv"
        case .invalidInfotextValue(let key, let value, let expected):
            return "infotext key '\(key)': '\(value)' is not \(expected)"
        case .invalidSetting(let field, let reason):
            return "\(field): \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
