/// The catalog of samplers, by canonical id (k-diffusion's `sample_*` names as A1111 and
/// ComfyUI spell them). A1111 display names such as "DPM++ 2M Karras" are mapped to these ids
/// by the RenderSettings module.
public enum SamplerKind: String, CaseIterable, Sendable {
    case euler
    case eulerAncestral = "euler_a"
    case heun
    case dpm2
    case dpm2Ancestral = "dpm2_a"
    case lms
    case dpmpp2SAncestral = "dpmpp_2s_a"
    case dpmpp2M = "dpmpp_2m"
    case dpmppSDE = "dpmpp_sde"
    case dpmpp2MSDE = "dpmpp_2m_sde"

    /// The sampler with canonical id `id`, or `SamplingError.unknownSampler`.
    public init(id: String) throws {
        guard let kind = SamplerKind(rawValue: id) else { throw SamplingError.unknownSampler(id) }
        self = kind
    }

    /// The sampler function.
    public var function: SamplerFunction {
        switch self {
        case .euler: return sampleEuler
        case .eulerAncestral: return sampleEulerAncestral
        case .heun: return sampleHeun
        case .dpm2: return sampleDPM2
        case .dpm2Ancestral: return sampleDPM2Ancestral
        case .lms: return sampleLMS
        case .dpmpp2SAncestral: return sampleDPMPP2SAncestral
        case .dpmpp2M: return sampleDPMPP2M
        case .dpmppSDE: return sampleDPMPPSDE
        case .dpmpp2MSDE: return sampleDPMPP2MSDE
        }
    }

    /// Whether the sampler draws noise after the initial latent (ancestral and SDE samplers).
    public var isStochastic: Bool {
        switch self {
        case .eulerAncestral, .dpm2Ancestral, .dpmpp2SAncestral, .dpmppSDE, .dpmpp2MSDE: return true
        case .euler, .heun, .dpm2, .lms, .dpmpp2M: return false
        }
    }

    /// Model evaluations per step (the last step to σ = 0 may take fewer).
    public var evaluationsPerStep: Int {
        switch self {
        case .heun, .dpm2, .dpm2Ancestral, .dpmpp2SAncestral, .dpmppSDE: return 2
        case .euler, .eulerAncestral, .lms, .dpmpp2M, .dpmpp2MSDE: return 1
        }
    }

    /// Runs the sampler from `x` (already at noise level `sigmas[0]`) down the schedule.
    public func sample(_ denoise: Denoiser, x: [Float], sigmas: [Float], noise: inout any NoiseSource,
                       callback: SamplerCallback? = nil) throws -> [Float] {
        try function(denoise, x, sigmas, &noise, callback)
    }
}
