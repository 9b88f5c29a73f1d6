import RenderSettings
import Sampling

/// What each `RNGSource` means to the local engine: the generator a seed starts, and the
/// sampling conventions of the program whose images it reproduces. The one place a source is
/// looked at.
extension RNGSource {
    /// A new generator seeded with `seed`: A1111's Philox 4x32-10 for `nv` (A1111
    /// `modules/rng_philox.py`), torch's CPU generator (`torch.manual_seed`) for the others —
    /// ComfyUI's `prepare_noise` draws on the CPU whatever the device. (`gpu` cannot render
    /// locally: `easel generate` refuses it first.)
    func generator(seed: UInt64) -> any NoiseSource {
        switch self {
        case .nv: return PhiloxGenerator(seed: seed)
        case .cpu, .gpu, .comfyui: return TorchCPUGenerator(seed: seed)
        }
    }

    /// ComfyUI's conventions for `comfyui`, k-diffusion's (A1111's) for the others.
    var samplingConvention: SamplingConvention {
        switch self {
        case .comfyui: return .comfyUI
        case .cpu, .gpu, .nv: return .kDiffusion
        }
    }
}
