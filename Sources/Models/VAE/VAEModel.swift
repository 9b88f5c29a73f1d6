import Foundation
import Tensor

/// The SD 1.x KL autoencoder (`AutoencoderKL`): decode latents to images and encode images to
/// the posterior's mean and log-variance. The 0.18215 latent scaling is not applied here;
/// the pipeline owns it. Weights are read under the canonical `first_stage_model.` names
/// with that prefix stripped (`decoder.…`, `encoder.…`, `quant_conv.…`, `post_quant_conv.…`).
/// Reference: LDM `ldm/models/autoencoder.py`, `AutoencoderKL.encode` / `decode`.
///
/// The encoder is built on the first `encode` call (txt2img never needs it: 34 M parameters
/// less in memory), so a broken encoder weight is reported by `encode`, not by `init`.
public final class VAEModel: @unchecked Sendable {
    public let config: VAEConfig
    /// The precision the networks multiply in (after the CPU fallback).
    public let precision: Precision
    private let encoderScope: WeightScope
    private var builtEncoder: VAEEncoder?
    private let encoderLock = NSLock()
    let decoder: VAEDecoder
    let quantConv: Conv2dLayer
    let postQuantConv: Conv2dLayer
    private let pool = BufferPool()

    /// Builds the autoencoder from `weights`; `precision` chooses fp32 or bf16 products (see
    /// `Precision`; bf16 falls back to fp32 on CPUs without AVX512_BF16). The default is fp32, the
    /// results the reference fixtures pin; `StableDiffusionPipeline` passes `Precision.preferred`.
    public init(weights: WeightSource, config: VAEConfig, precision: Precision = .fp32) throws {
        self.config = config
        let w = WeightScope(weights, precision: precision)
        self.precision = w.precision
        let latent = config.latentChannels
        encoderScope = w.child("encoder")
        decoder = try VAEDecoder(w.child("decoder"), config: config)
        quantConv = try Conv2dLayer(w.child("quant_conv"), in: 2 * latent, out: 2 * latent, kernel: 1)
        postQuantConv = try Conv2dLayer(w.child("post_quant_conv"), in: latent, out: latent, kernel: 1)
    }

    /// latent [B, 4, h, w] (already divided by the scale factor) → image [B, 3, 8h, 8w],
    /// roughly in [-1, 1]. Reference: `AutoencoderKL.decode` (post_quant_conv, then decoder).
    /// The decode runs without a buffer pool: its activations are large (up to 256 MiB each at
    /// 512 px) and change size from layer to layer, so a pool would keep dead buffers of other
    /// sizes beside the live ones; plain allocations (huge pages, see `TensorStorage`) give each
    /// back as soon as it is dead, and peak memory is the live set (measured at 512 px in bf16:
    /// 0.63 GiB of activations against 0.87 GiB with a pool trimmed after every block). The
    /// fp32 Winograd convolutions share one workspace, freed at the end.
    public func decode(_ latent: Tensor) throws -> Tensor {
        try check(latent, channels: config.latentChannels, what: "latent", multiple: 1)
        defer { Winograd.releaseWorkspace() }
        return decoder(postQuantConv(latent))                                       // [B, 3, 8h, 8w]
    }

    /// image [B, 3, H, W] in [-1, 1] (H, W multiples of 8) → posterior mean and log-variance
    /// [B, 4, H/8, W/8], log-variance clamped to [-30, 20]. Reference: `AutoencoderKL.encode`
    /// and `DiagonalGaussianDistribution.__init__` (LDM `distributions.py`).
    public func encode(_ image: Tensor) throws -> (mean: Tensor, logvar: Tensor) {
        try check(image, channels: config.imageChannels, what: "image", multiple: 8)
        let encoder = try loadedEncoder()
        let moments = pool.activate { quantConv(encoder(image)).copyOutOfPool() } // [B, 8, h, w]
        pool.trim()
        let (b, c, h, w) = (moments.shape[0], config.latentChannels, moments.shape[2], moments.shape[3])
        let mean = Tensor(zeros: [b, c, h, w]), logvar = Tensor(zeros: [b, c, h, w])
        let half = c * h * w
        for item in 0..<b {
            let src = moments.pointer + item * 2 * half
            (mean.pointer + item * half).update(from: src, count: half)
            let dst = logvar.pointer + item * half
            for i in 0..<half { dst[i] = min(max(src[half + i], -30), 20) }
        }
        return (mean, logvar)
    }

    /// The encoder, built from the weights on first use.
    func loadedEncoder() throws -> VAEEncoder {
        encoderLock.lock(); defer { encoderLock.unlock() }
        if let builtEncoder { return builtEncoder }
        let encoder = try VAEEncoder(encoderScope, config: config)
        builtEncoder = encoder
        return encoder
    }

    private func check(_ t: Tensor, channels: Int, what: String, multiple: Int) throws {
        guard t.shape.count == 4, t.shape[0] > 0, t.shape[1] == channels,
              t.shape[2] > 0, t.shape[3] > 0, t.shape[2] % multiple == 0, t.shape[3] % multiple == 0 else {
            throw NetworkInputError.shape(what, got: t.shape,
                                          expected: "[B, \(channels), H, W] with H, W positive multiples of \(multiple)")
        }
    }
}
