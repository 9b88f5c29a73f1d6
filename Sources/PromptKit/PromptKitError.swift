import Foundation

/// A one-line, user-facing PromptKit error naming the file, field or key at fault.
public enum PromptKitError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case unknownDialect(String)
    /// A grid, preset or styles file that cannot be read; `location` is "path" or "path:line:column".
    case badFile(location: String, reason: String)
    case unknownPreset(String)
    case presetExists(String)
    case builtInPreset(String)
    case badPresetName(String)
    case textTooLong(what: String, bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .unknownDialect(let name):
            return "unknown dialect '\(name)'; valid: \(ModelFamily.validNames)"
        case .badFile(let location, let reason):
            return "\(location): \(reason)"
        case .unknownPreset(let name):
            return "unknown preset '\(name)' (see `easel presets list`)"
        case .presetExists(let name):
            return "preset '\(name)' already exists; use --force to overwrite it"
        case .builtInPreset(let name):
            return "preset '\(name)' is built in and read-only"
        case .badPresetName(let name):
            return "bad preset name '\(name)': it must not be blank, hold '/' or control characters, or be over \(PresetName.maximumLength) characters"
        case .textTooLong(let what, let bytes, let limit):
            return "\(what) is \(bytes) bytes, over the \(limit)-byte limit for prompt text"
        }
    }

    public var errorDescription: String? { description }
}
