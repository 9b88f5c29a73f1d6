import Models
import Tensor

/// The UNet under classifier-free guidance: `uncond + (cond − uncond)·scale`, from one batch of
/// 2 (uncond, cond) when their contexts have one length and from two UNet calls when they do
/// not (A1111's default for cond and uncond of different chunk counts; SD 1.x pads them to one
/// length first, SDXL does not); at a scale of exactly 1 the uncond pass is skipped. Guidance is
/// applied to eps, which equals applying it to the denoised output (`x + eps·c_out` is affine
/// in eps with the same x for both halves). Each conditioning's `vector` is the UNet's `y`.
///
/// An image-conditioned UNet (9-channel inpainting) gets `imageConditioning` appended to the
/// scaled input as extra channels, unscaled: LDM `ddpm.py` `DiffusionWrapper.forward`
/// (`conditioning_key="hybrid"`: `xc = cat([x] + c_concat, dim=1)`), as A1111's `CFGDenoiser`
/// passes `c_concat` beside the c_in-scaled x.
///
/// Reference: k-diffusion `external.py` wrappers as used by A1111
/// `modules/sd_samplers_cfg_denoiser.py` `CFGDenoiser.forward` (one batch when
/// `tensor.shape[1] == uncond.shape[1]`, else separate calls for cond and uncond) and ComfyUI
/// `cfg_function`.
struct GuidedNoisePredictor {
    let unet: UNetModel
    let latentChannels: Int
    let height: Int
    let width: Int
    /// Extra input channels [C_extra·H·W] for image-conditioned UNets; nil for ordinary ones.
    var imageConditioning: [Float]? = nil
    /// The UNet inputs built so far, so each prompt's cross-attention keys and values are
    /// projected once per generation rather than at every step.
    let contexts = GuidanceContexts()

    /// eps for one image. `xIn` is [C·H·W] already scaled by c_in; contexts are [1, T, D].
    func callAsFunction(_ xIn: [Float], t: Float, cond: Conditioning, uncond: Conditioning,
                        scale: Double) throws -> [Float] {
        if scale == 1 { return try eps(xIn, t: t, [cond]).values }                     // [1, C, H, W]
        let plane = latentChannels * height * width
        if uncond.tokenCount == cond.tokenCount {
            let both = try eps(xIn, t: t, [uncond, cond])                                 // [2, C, H, W]
            return guided(uncond: both, cond: both, condOffset: plane, scale: Float(scale))
        }
        let (u, c) = (try eps(xIn, t: t, [uncond]), try eps(xIn, t: t, [cond]))          // [1, C, H, W] each
        return guided(uncond: u, cond: c, condOffset: 0, scale: Float(scale))
    }

    /// u + (c − u)·s over one image, with u at the start of `uncond` and c at `condOffset` in `cond`.
    private func guided(uncond: Tensor, cond: Tensor, condOffset: Int, scale s: Float) -> [Float] {
        let plane = latentChannels * height * width
        let (u, c) = (uncond.pointer, cond.pointer + condOffset)
        var out = [Float](repeating: 0, count: plane)
        out.withUnsafeMutableBufferPointer { o in
            for i in 0..<plane { o[i] = u[i] + (c[i] - u[i]) * s }
        }
        return out
    }

    /// The UNet's eps [B, C, H, W] for `xIn` repeated once per conditioning in `batch`.
    private func eps(_ xIn: [Float], t: Float, _ batch: [Conditioning]) throws -> Tensor {
        let x = input(xIn, batch: batch.count)                                         // [B, C_in, H, W]
        let inputs = contexts.inputs(for: batch)
        return try unet(x, timesteps: Array(repeating: t, count: batch.count), context: inputs.context, y: inputs.y)
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
