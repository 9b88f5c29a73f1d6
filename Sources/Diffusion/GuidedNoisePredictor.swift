import Models
import Tensor

/// The UNet under classifier-free guidance: one batch of 2 (uncond, cond) per evaluation,
/// combined as `uncond + (cond − uncond)·scale`; at a scale of exactly 1 the uncond pass is
/// skipped. Guidance is applied to eps, which equals applying it to the denoised output
/// (`x + eps·c_out` is affine in eps with the same x for both halves).
///
/// An image-conditioned UNet (9-channel inpainting) gets `imageConditioning` appended to the
/// scaled input as extra channels, unscaled: LDM `ddpm.py` `DiffusionWrapper.forward`
/// (`conditioning_key="hybrid"`: `xc = cat([x] + c_concat, dim=1)`), as A1111's `CFGDenoiser`
/// passes `c_concat` beside the c_in-scaled x.
///
/// Reference: k-diffusion `external.py` wrappers as used by A1111
/// `modules/sd_samplers_cfg_denoiser.py` `CFGDenoiser.forward` and ComfyUI `cfg_function`.
struct GuidedNoisePredictor {
    let unet: UNetModel
    let latentChannels: Int
    let height: Int
    let width: Int
    /// Extra input channels [C_extra·H·W] for image-conditioned UNets; nil for ordinary ones.
    var imageConditioning: [Float]? = nil
    /// The UNet contexts built so far, so each prompt's cross-attention keys and values are
    /// projected once per generation rather than at every step.
    let contexts = GuidanceContexts()

    /// eps for one image. `xIn` is [C·H·W] already scaled by c_in; the conditionings' contexts
    /// are [1, T, D] with equal T.
    func callAsFunction(_ xIn: [Float], t: Float, cond: Conditioning, uncond: Conditioning,
                        scale: Double) throws -> [Float] {
        let plane = latentChannels * height * width
        if scale == 1 {
            let x = input(xIn, batch: 1)                                                      // [1, C_in, H, W]
            return try unet(x, timesteps: [t], context: contexts.context(uncond: nil, cond: cond)).values // [1, C, H, W]
        }
        let x = input(xIn, batch: 2)                                                          // [2, C_in, H, W]
        let eps = try unet(x, timesteps: [t, t], context: contexts.context(uncond: uncond, cond: cond)) // [2, C, H, W]
        let s = Float(scale)
        var out = [Float](repeating: 0, count: plane)
        let e = eps.pointer
        out.withUnsafeMutableBufferPointer { o in
            for i in 0..<plane { o[i] = e[i] + (e[plane + i] - e[i]) * s }
        }
        return out
    }

    /// `batch` copies of [x, imageConditioning] stacked: [batch, C + C_extra, H, W].
    private func input(_ xIn: [Float], batch: Int) -> Tensor {
        let extra = imageConditioning ?? []
        let item = xIn.count + extra.count
        let x = Tensor(zeros: [batch, item / (height * width), height, width])
        for b in 0..<batch {
            xIn.withUnsafeBufferPointer { x.pointer.advanced(by: b * item).update(from: $0.baseAddress!, count: $0.count) }
            extra.withUnsafeBufferPointer {
                guard let base = $0.baseAddress else { return }
                x.pointer.advanced(by: b * item + xIn.count).update(from: base, count: $0.count)
            }
        }
        return x
    }
}
