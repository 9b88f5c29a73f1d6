import Foundation

/// The one table of Easel's samplers and schedules: canonical id, A1111 name, ComfyUI name,
/// aliases, A1111's automatic schedule, and how each sampler behaves.
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
/// - ComfyUI `comfy/samplers.py` `KSAMPLER_NAMES` and `SCHEDULER_NAMES` (newer releases keep
///   the lists in `comfy/sampler_names.py`): KSampler's `sampler_name` and `scheduler` values.
/// - k-diffusion 0.1.1 `sampling.py`, `sample_*`: which samplers draw noise after the initial
///   latent (ancestral and SDE ones) and how many model evaluations a step takes.
public enum SamplerCatalog {
    public struct SamplerEntry: CatalogEntry {
        public let sampler: Sampler
        /// A1111's display name, written to infotext (A1111 API `sampler_name`).
        public let displayName: String
        /// ComfyUI's KSampler `sampler_name`.
        public let comfyUIName: String
        /// Other accepted names (A1111 `k_*` aliases).
        public let aliases: [String]
        /// What A1111's "Automatic" schedule type means for this sampler.
        public let automaticSchedule: Schedule
        /// Whether the sampler draws noise after the initial latent.
        public let isStochastic: Bool
        /// Model evaluations per step (the last step to σ = 0 may take fewer).
        public let evaluationsPerStep: Int

        public var item: Sampler { sampler }
    }

    public struct ScheduleEntry: CatalogEntry {
        public let schedule: Schedule
        /// A1111's "Schedule type" label, written to infotext (A1111 API `scheduler`).
        public let displayName: String
        /// ComfyUI's KSampler `scheduler`.
        public let comfyUIName: String
        /// Other accepted names (A1111 aliases).
        public let aliases: [String]

        public var item: Schedule { schedule }
    }

    public static let samplers: [SamplerEntry] = [
        SamplerEntry(sampler: .euler, displayName: "Euler", comfyUIName: "euler", aliases: ["k_euler"],
                     automaticSchedule: .normal, isStochastic: false, evaluationsPerStep: 1),
        SamplerEntry(sampler: .eulerA, displayName: "Euler a", comfyUIName: "euler_ancestral",
                     aliases: ["k_euler_a", "k_euler_ancestral"],
                     automaticSchedule: .normal, isStochastic: true, evaluationsPerStep: 1),
        SamplerEntry(sampler: .heun, displayName: "Heun", comfyUIName: "heun", aliases: ["k_heun"],
                     automaticSchedule: .normal, isStochastic: false, evaluationsPerStep: 2),
        SamplerEntry(sampler: .dpm2, displayName: "DPM2", comfyUIName: "dpm_2", aliases: ["k_dpm_2"],
                     automaticSchedule: .karras, isStochastic: false, evaluationsPerStep: 2),
        SamplerEntry(sampler: .dpm2A, displayName: "DPM2 a", comfyUIName: "dpm_2_ancestral", aliases: ["k_dpm_2_a"],
                     automaticSchedule: .karras, isStochastic: true, evaluationsPerStep: 2),
        SamplerEntry(sampler: .lms, displayName: "LMS", comfyUIName: "lms", aliases: ["k_lms"],
                     automaticSchedule: .normal, isStochastic: false, evaluationsPerStep: 1),
        SamplerEntry(sampler: .dpmpp2sA, displayName: "DPM++ 2S a", comfyUIName: "dpmpp_2s_ancestral",
                     aliases: ["k_dpmpp_2s_a"],
                     automaticSchedule: .karras, isStochastic: true, evaluationsPerStep: 2),
        SamplerEntry(sampler: .dpmpp2m, displayName: "DPM++ 2M", comfyUIName: "dpmpp_2m", aliases: ["k_dpmpp_2m"],
                     automaticSchedule: .karras, isStochastic: false, evaluationsPerStep: 1),
        SamplerEntry(sampler: .dpmppSDE, displayName: "DPM++ SDE", comfyUIName: "dpmpp_sde", aliases: ["k_dpmpp_sde"],
                     automaticSchedule: .karras, isStochastic: true, evaluationsPerStep: 2),
        SamplerEntry(sampler: .dpmpp2mSDE, displayName: "DPM++ 2M SDE", comfyUIName: "dpmpp_2m_sde",
                     aliases: ["k_dpmpp_2m_sde"],
                     automaticSchedule: .exponential, isStochastic: true, evaluationsPerStep: 1),
        // A1111 `modules/sd_samplers_lcm.py` ("LCM", alias k_lcm); ComfyUI `sample_lcm`.
        SamplerEntry(sampler: .lcm, displayName: "LCM", comfyUIName: "lcm", aliases: ["k_lcm"],
                     automaticSchedule: .normal, isStochastic: true, evaluationsPerStep: 1),
    ]

    public static let schedules: [ScheduleEntry] = [
        ScheduleEntry(schedule: .normal, displayName: "Normal", comfyUIName: "normal", aliases: ["Uniform"]),
        ScheduleEntry(schedule: .karras, displayName: "Karras", comfyUIName: "karras", aliases: []),
        ScheduleEntry(schedule: .exponential, displayName: "Exponential", comfyUIName: "exponential", aliases: []),
        ScheduleEntry(schedule: .sgmUniform, displayName: "SGM Uniform", comfyUIName: "sgm_uniform", aliases: ["SGMUniform"]),
        ScheduleEntry(schedule: .simple, displayName: "Simple", comfyUIName: "simple", aliases: []),
        // Neither A1111 nor ComfyUI has this schedule (ComfyUI users pick sgm_uniform for
        // Lightning); the names are diffusers' `timestep_spacing` value.
        ScheduleEntry(schedule: .trailing, displayName: "Trailing", comfyUIName: "trailing", aliases: []),
    ]

    /// A1111's label for "the sampler's own default schedule".
    public static let automaticScheduleName = "Automatic"

    public static func entry(for sampler: Sampler) -> SamplerEntry { sampler.entry }

    public static func entry(for schedule: Schedule) -> ScheduleEntry { schedule.entry }

    /// The entry whose id, A1111 name, ComfyUI name or alias is `name` (ignoring case and
    /// surrounding spaces).
    public static func samplerEntry(named name: String) -> SamplerEntry? { Sampler.entry(named: name) }

    /// The schedule entry whose id, A1111 label, ComfyUI name or alias is `name`.
    public static func scheduleEntry(named name: String) -> ScheduleEntry? { Schedule.entry(named: name) }

    /// Resolves a sampler name as A1111 infotext writes it: any single sampler name, or an old
    /// combined name ("DPM++ 2M Karras", "Euler a SGM Uniform"), which also names the schedule.
    /// `nil` when the name means no sampler.
    public static func sampler(named name: String) -> (sampler: Sampler, schedule: Schedule?)? {
        if let sampler = Sampler(name: name) { return (sampler, nil) }
        let wanted = normalized(name)
        for entry in schedules {
            for label in [entry.displayName] + entry.aliases {
                let suffix = " " + normalized(label)
                guard wanted.hasSuffix(suffix) else { continue }
                if let sampler = Sampler(name: String(wanted.dropLast(suffix.count))) {
                    return (sampler, entry.schedule)
                }
            }
        }
        return nil
    }

    /// Whether `name` is A1111's "Automatic" schedule type (ignoring case and spaces).
    public static func isAutomaticSchedule(_ name: String) -> Bool {
        normalized(name) == normalized(automaticScheduleName)
    }

    /// "euler, euler_a, … (A1111: Euler, Euler a, …)" for error messages.
    public static var validSamplerNames: String {
        let ids = samplers.map(\.sampler.id).joined(separator: ", ")
        let names = samplers.map(\.displayName).joined(separator: ", ")
        return "\(ids) (A1111 names: \(names); a schedule may follow, e.g. \"DPM++ 2M Karras\")"
    }

    /// "normal, karras, … (A1111: Normal, Karras, …, Automatic)" for error messages.
    public static var validScheduleNames: String {
        let ids = schedules.map(\.schedule.id).joined(separator: ", ")
        let names = (schedules.map(\.displayName) + [automaticScheduleName]).joined(separator: ", ")
        return "\(ids) (A1111 names: \(names))"
    }

    static func normalized(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
