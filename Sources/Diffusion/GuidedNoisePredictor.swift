import Models
import Tensor

/// The UNet under classifier-free guidance: `uncond + (cond − uncond)·scale`, from one batch of
/// 2 (uncond, cond) when their contexts have one length and from two UNet calls when they do
/// not (A1111's default for cond and uncond of different chunk counts; SD 1.x pads them to one
/// length first, SDXL does not); at a scale of exactly 1 the uncond pass is skipped. Guidance is
/// applied to eps, which equals applying it to the denoised output (`x + eps·c_out` is affine
/// in eps with the same x for both halves). Each conditioning's `vector` is the UNet's `y`.
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
        let plane = latentChannels * height * width
        let x = Tensor(zeros: [batch.count, latentChannels, height, width])               // [B, C, H, W]
        xIn.withUnsafeBufferPointer { src in
            for b in 0..<batch.count { (x.pointer + b * plane).update(from: src.baseAddress!, count: plane) }
        }
        let inputs = contexts.inputs(for: batch)
        return try unet(x, timesteps: Array(repeating: t, count: batch.count), context: inputs.context, y: inputs.y)
    }
}
