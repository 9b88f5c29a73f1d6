import Foundation

/// The table between Easel's canonical sampler/schedule ids and A1111's names.
///
/// Sources:
/// - A1111 `modules/sd_samplers_kdiffusion.py`, `samplers_k_diffusion` (v1.9+): display
///   names, `k_*` aliases, and the `scheduler` option that "Automatic" resolves to.
/// - A1111 `modules/sd_schedulers.py`, `schedulers`: "Schedule type" labels and aliases.
///   A1111's "Uniform" (`inner_model.get_sigmas(n)`) and "Normal" (`normal_scheduler`,
///   linspace in t from t(σmax) = 999 to t(σmin) = 0) give the same sigmas as k-diffusion's
///   `get_sigmas`, which is Easel's `normal`.
/// - A1111 `modules/sd_samplers.py`, `get_sampler_and_scheduler`: an old combined name such
///   as "DPM++ 2M Karras" is a sampler name followed by " " and a schedule label.
/// - ComfyUI `comfy/samplers.py` `KSAMPLER_NAMES`: the ComfyUI spellings accepted as aliases.
public enum SamplerCatalog {
    public struct SamplerEntry: Sendable {
        public let sampler: Sampler
        /// A1111's display name, written to infotext.
        public let displayName: String
        /// Other accepted names (A1111 `k_*` aliases, ComfyUI names).
        public let aliases: [String]
        /// What A1111's "Automatic" schedule type means for this sampler.
        public let automaticSchedule: Schedule
    }

    public struct ScheduleEntry: Sendable {
        public let schedule: Schedule
        /// A1111's "Schedule type" label, written to infotext.
        public let displayName: String
        public let aliases: [String]
    }

    public static let samplers: [SamplerEntry] = [
        SamplerEntry(sampler: .euler, displayName: "Euler",
                     aliases: ["k_euler"], automaticSchedule: .normal),
        SamplerEntry(sampler: .eulerA, displayName: "Euler a",
                     aliases: ["k_euler_a", "k_euler_ancestral", "euler_ancestral"], automaticSchedule: .normal),
        SamplerEntry(sampler: .heun, displayName: "Heun",
                     aliases: ["k_heun"], automaticSchedule: .normal),
        SamplerEntry(sampler: .dpm2, displayName: "DPM2",
                     aliases: ["k_dpm_2", "dpm_2"], automaticSchedule: .karras),
        SamplerEntry(sampler: .dpm2A, displayName: "DPM2 a",
                     aliases: ["k_dpm_2_a", "dpm_2_ancestral"], automaticSchedule: .karras),
        SamplerEntry(sampler: .lms, displayName: "LMS",
                     aliases: ["k_lms"], automaticSchedule: .normal),
        SamplerEntry(sampler: .dpmpp2sA, displayName: "DPM++ 2S a",
                     aliases: ["k_dpmpp_2s_a", "dpmpp_2s_ancestral"], automaticSchedule: .karras),
        SamplerEntry(sampler: .dpmpp2m, displayName: "DPM++ 2M",
                     aliases: ["k_dpmpp_2m"], automaticSchedule: .karras),
        SamplerEntry(sampler: .dpmppSDE, displayName: "DPM++ SDE",
                     aliases: ["k_dpmpp_sde"], automaticSchedule: .karras),
        SamplerEntry(sampler: .dpmpp2mSDE, displayName: "DPM++ 2M SDE",
                     aliases: ["k_dpmpp_2m_sde"], automaticSchedule: .exponential),
    ]

    public static let schedules: [ScheduleEntry] = [
        ScheduleEntry(schedule: .normal, displayName: "Normal", aliases: ["Uniform"]),
        ScheduleEntry(schedule: .karras, displayName: "Karras", aliases: []),
        ScheduleEntry(schedule: .exponential, displayName: "Exponential", aliases: []),
        ScheduleEntry(schedule: .sgmUniform, displayName: "SGM Uniform", aliases: ["SGMUniform"]),
        ScheduleEntry(schedule: .simple, displayName: "Simple", aliases: []),
    ]

    /// A1111's label for "the sampler's own default schedule".
    public static let automaticScheduleName = "Automatic"

    public static func entry(for sampler: Sampler) -> SamplerEntry {
        samplers.first { $0.sampler == sampler }!
    }

    public static func entry(for schedule: Schedule) -> ScheduleEntry {
        schedules.first { $0.schedule == schedule }!
    }

    /// Resolves a sampler name: a canonical id, an A1111 display name, an alias, or an old
    /// combined name ("DPM++ 2M Karras", "Euler a SGM Uniform"), which also sets the schedule.
    /// Matching ignores case and surrounding spaces.
    public static func lookup(_ name: String) throws -> (sampler: Sampler, schedule: Schedule?) {
        let wanted = normalized(name)
        if let sampler = samplerEntry(matching: wanted)?.sampler {
            return (sampler, nil)
        }
        for entry in schedules {
            for label in [entry.displayName] + entry.aliases {
                let suffix = " " + normalized(label)
                guard wanted.hasSuffix(suffix) else { continue }
                let head = String(wanted.dropLast(suffix.count))
                if let sampler = samplerEntry(matching: head)?.sampler {
                    return (sampler, entry.schedule)
                }
            }
        }
        throw RenderSettingsError.unknownSampler(name)
    }

    /// Resolves a schedule name; `nil` means A1111's "Automatic" (the sampler's default).
    public static func schedule(named name: String) throws -> Schedule? {
        let wanted = normalized(name)
        if wanted == normalized(automaticScheduleName) { return nil }
        let found = schedules.first { entry in
            ([entry.schedule.rawValue, entry.displayName] + entry.aliases).contains { normalized($0) == wanted }
        }
        guard let found else { throw RenderSettingsError.unknownSchedule(name) }
        return found.schedule
    }

    /// Resolves a schedule name for a given sampler, turning "Automatic" into the sampler's
    /// default schedule.
    public static func schedule(named name: String, for sampler: Sampler) throws -> Schedule {
        try schedule(named: name) ?? entry(for: sampler).automaticSchedule
    }

    /// "euler, euler_a, … (A1111: Euler, Euler a, …)" for error messages.
    public static var validSamplerNames: String {
        let ids = samplers.map(\.sampler.rawValue).joined(separator: ", ")
        let names = samplers.map(\.displayName).joined(separator: ", ")
        return "\(ids) (A1111 names: \(names); a schedule may follow, e.g. \"DPM++ 2M Karras\")"
    }

    /// "normal, karras, … (A1111: Normal, Karras, …, Automatic)" for error messages.
    public static var validScheduleNames: String {
        let ids = schedules.map(\.schedule.rawValue).joined(separator: ", ")
        let names = (schedules.map(\.displayName) + [automaticScheduleName]).joined(separator: ", ")
        return "\(ids) (A1111 names: \(names))"
    }

    private static func samplerEntry(matching normalizedName: String) -> SamplerEntry? {
        samplers.first { entry in
            ([entry.sampler.rawValue, entry.displayName] + entry.aliases).contains { normalized($0) == normalizedName }
        }
    }

    private static func normalized(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
