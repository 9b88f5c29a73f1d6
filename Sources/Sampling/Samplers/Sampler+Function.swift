import Catalog

/// The sampler functions behind `Catalog`'s `Sampler` ids.
extension Sampler {
    /// The sampler function.
    public var function: SamplerFunction {
        switch self {
        case .euler: return sampleEuler
        case .eulerA: return sampleEulerAncestral
        case .heun: return sampleHeun
        case .dpm2: return sampleDPM2
        case .dpm2A: return sampleDPM2Ancestral
        case .lms: return sampleLMS
        case .dpmpp2sA: return sampleDPMPP2SAncestral
        case .dpmpp2m: return sampleDPMPP2M
        case .dpmppSDE: return sampleDPMPPSDE
        case .dpmpp2mSDE: return sampleDPMPP2MSDE
        case .lcm: return sampleLCM
        }
    }

    /// Runs the sampler from `x` (already at noise level `sigmas[0]`) down the schedule.
    public func sample(_ denoise: Denoiser, x: [Float], sigmas: [Float], noise: inout any NoiseSource,
                       callback: SamplerCallback? = nil) throws -> [Float] {
        try function(denoise, x, sigmas, &noise, callback)
    }
}
