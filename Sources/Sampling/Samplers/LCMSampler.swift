/// The Latent Consistency Model sampler: jump to the denoised estimate, then re-noise to the
/// next level with fresh noise (none on the last step).
///
/// Port of ComfyUI `comfy/k_diffusion/sampling.py` `sample_lcm` (the same loop as A1111
/// `modules/sd_samplers_lcm.py`): `x = denoised`; if `σ_{i+1} > 0`, `x = x + σ_{i+1}·randn`.
/// ComfyUI also runs its model sampling's `noise_scaling`, which for eps models is exactly
/// this `x + σ·noise`.
public func sampleLCM(_ denoise: Denoiser, x: [Float], sigmas: [Float],
                      noise: inout any NoiseSource, callback: SamplerCallback? = nil) throws -> [Float] {
    try sampleSteps(denoise, x: x, sigmas: sigmas, callback: callback) { i, _, denoised in
        sigmas[i + 1] > 0 ? try Elementwise.addNoise(denoised, from: &noise, scale: sigmas[i + 1]) : denoised
    }
}
