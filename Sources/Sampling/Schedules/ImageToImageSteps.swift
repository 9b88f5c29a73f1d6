/// Where an img2img pass enters the schedule: how many steps the schedule is computed for
/// and which of its sigmas are sampled.
///
/// Port of A1111 `modules/sd_samplers_common.py` `setup_img2img_steps` and
/// `modules/sd_samplers_kdiffusion.py` `KDiffusionSampler.sample_img2img`:
/// - steps not given explicitly (img2img, `img2img_fix_steps` off): `t_enc = int(min(strength,
///   0.999)·steps)`, the schedule is computed for `steps`, and sampling starts at index
///   `steps − t_enc − 1`, so it runs `t_enc + 1` steps;
/// - steps given explicitly (the hires-fix second pass, which passes its steps): `N` steps run,
///   over a schedule computed for `S = int(N / min(strength, 0.999))` steps, `t_enc = N − 1`.
public struct ImageToImageSteps: Equatable, Sendable {
    /// The step count the schedule is computed for.
    public let scheduleSteps: Int
    /// A1111's `t_enc`.
    public let tEnc: Int

    /// The img2img case.
    public init(steps: Int, strength: Double) {
        scheduleSteps = steps
        tEnc = Int(min(strength, 0.999) * Double(steps))
    }

    /// The fixed-steps case: exactly `steps` sampler steps (hires fix).
    public init(fixedSteps steps: Int, strength: Double) {
        scheduleSteps = Int(Double(steps) / min(strength, 0.999))
        tEnc = steps - 1
    }

    /// The index of the first sampled sigma.
    public var startIndex: Int { scheduleSteps - tEnc - 1 }

    /// The sigmas sampled: `sigmas[startIndex...]` of the full schedule (which must hold
    /// `scheduleSteps + 1` values).
    public func truncate(_ sigmas: [Float]) -> [Float] { Array(sigmas[max(startIndex, 0)...]) }
}
