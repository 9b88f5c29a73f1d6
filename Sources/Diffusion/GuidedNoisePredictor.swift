import Models
import Tensor

/// The UNet under classifier-free guidance: one batch of 2 (uncond, cond) per evaluation,
/// combined as `uncond + (cond − uncond)·scale`; at a scale of exactly 1 the uncond pass is
/// skipped. Guidance is applied to eps, which equals applying it to the denoised output
/// (`x + eps·c_out` is affine in eps with the same x for both halves).
///
/// Reference: k-diffusion `external.py` wrappers as used by A1111
/// `modules/sd_samplers_cfg_denoiser.py` `CFGDenoiser.forward` and ComfyUI `cfg_function`.
struct GuidedNoisePredictor {
    let unet: UNetModel
    let latentChannels: Int
    let height: Int
    let width: Int
    /// The UNet contexts built so far, so each prompt's cross-attention keys and values are
    /// projected once per generation rather than at every step.
    let contexts = GuidanceContexts()

    /// eps for one image. `xIn` is [C·H·W] already scaled by c_in; the conditionings' contexts
    /// are [1, T, D] with equal T.
    func callAsFunction(_ xIn: [Float], t: Float, cond: Conditioning, uncond: Conditioning,
                        scale: Double) throws -> [Float] {
        let plane = latentChannels * height * width
        if scale == 1 {
            let x = Tensor(shape: [1, latentChannels, height, width], values: xIn)           // [1, C, H, W]
            return try unet(x, timesteps: [t], context: contexts.context(uncond: nil, cond: cond)).values // [1, C, H, W]
        }
        let x = Tensor(zeros: [2, latentChannels, height, width])                            // [2, C, H, W]
        xIn.withUnsafeBufferPointer { src in
            x.pointer.update(from: src.baseAddress!, count: plane)
            (x.pointer + plane).update(from: src.baseAddress!, count: plane)
        }
        let eps = try unet(x, timesteps: [t, t], context: contexts.context(uncond: uncond, cond: cond)) // [2, C, H, W]
        let s = Float(scale)
        var out = [Float](repeating: 0, count: plane)
        let e = eps.pointer
        out.withUnsafeMutableBufferPointer { o in
            for i in 0..<plane { o[i] = e[i] + (e[plane + i] - e[i]) * s }
        }
        return out
    }
}
