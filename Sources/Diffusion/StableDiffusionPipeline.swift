import EngineAPI
import Foundation
import Imaging
import Models
import RenderSettings
import Sampling
import Tensor

/// txt2img with an SD 1.x checkpoint: text conditioning (cached), initial noise from a
/// torch-compatible CPU generator, a k-diffusion sampler over the CompVis denoiser with
/// classifier-free guidance, and the VAE decode.
///
/// Reference: the fixtures' `tiny-sd15-reference` recipe (k-diffusion + diffusers), which is
/// ComfyUI's and A1111's (CPU RNG) txt2img: `noise = randn(1, 4, H/8, W/8)` from
/// `manual_seed(seed)`, `x = noise·σ₀`, sample, `vae.decode(x / 0.18215)` — in general
/// ComfyUI `comfy/latent_formats.py` `process_out`, `x / scale + shift`.
public final class StableDiffusionPipeline {
    public let unet: UNetModel
    public let vae: VAEModel
    public let promptEncoder: PromptEncoder
    public let sigmas: DiscreteSigmas
    public let prediction: ModelPrediction
    /// The family's latent space: the noise's and the decode's channels, the VAE scale factor
    /// and the preview coefficients.
    public let latentFormat: LatentFormat
    /// Where LoRAs attach (nil: this pipeline takes none).
    public let adapterBinding: AdapterBinding?

    public init(unet: UNetModel, vae: VAEModel, promptEncoder: PromptEncoder, latentFormat: LatentFormat = .sd1,
                sigmas: DiscreteSigmas = .stableDiffusion, prediction: ModelPrediction = .epsilon,
                adapterBinding: AdapterBinding? = nil) {
        self.adapterBinding = adapterBinding
        self.unet = unet
        self.vae = vae
        self.promptEncoder = promptEncoder
        self.latentFormat = latentFormat
        self.sigmas = sigmas
        self.prediction = prediction
    }

    /// Renders `request.settings.batchSize` images; image `i` uses seed `settings.seed + i`.
    /// `adapters` are merged first (only the layers whose networks or weights changed since
    /// the last render are touched; `.none` takes every LoRA off). `progress` is called after
    /// every step; setting `cancellation` stops the job within one model evaluation with
    /// `EngineError.cancelled`.
    public func generate(_ request: EngineRequest, adapters: RenderAdapters = .none, cancellation: CancellationFlag? = nil,
                         progress: ((GenerationProgress) -> Void)? = nil) throws -> [GeneratedImage] {
        try request.validate()
        try apply(adapters)
        let settings = request.settings
        let start = DispatchTime.now()
        let prepared = try prepare(settings)
        var images: [GeneratedImage] = []
        for index in 0..<settings.batchSize {
            try cancellation?.check()
            let seed = settings.seed &+ UInt64(index)
            if request.draftScale > 1 {
                try draftPass(request, seed: seed, imageIndex: index, start: start, cancellation: cancellation,
                              progress: progress)
            }
            let latent = try sample(settings, seed: seed, prepared: prepared, cancellation: cancellation) { step, denoised in
                progress?(GenerationProgress(
                    step: step + 1, totalSteps: settings.steps, imageIndex: index, imageCount: settings.batchSize,
                    elapsed: Self.seconds(since: start), preview: self.preview(of: denoised, settings)))
            }
            try cancellation?.check()
            // The UNet's activation buffers are not needed while the VAE decodes: free them so
            // the decode's buffers do not come on top (the next image allocates them again).
            unet.releaseScratch()
            images.append(GeneratedImage(image: try decode(latent, settings), seed: seed))
        }
        return images
    }

    /// Merges `adapters`' networks and hands their embeddings and text-encoder signature to the
    /// prompt encoder (so its cache tells the encodings apart).
    public func apply(_ adapters: RenderAdapters) throws {
        guard let binding = adapterBinding else {
            if !adapters.networks.isEmpty { throw EngineError.invalidRequest(field: "lora", reason: "this pipeline takes no LoRAs") }
            promptEncoder.use(embeddings: adapters.embeddings, textAdapters: "")
            return
        }
        try binding.patcher.apply(adapters.networks)
        promptEncoder.use(embeddings: adapters.embeddings, textAdapters: binding.patcher.textSignature)
    }

    /// The sampling loop for one image; returns the final latent [C·h·w].
    func sample(_ settings: RenderSettings, seed: UInt64, prepared: Prepared, cancellation: CancellationFlag?,
                onStep: @escaping (Int, [Float]) -> Void) throws -> [Float] {
        let (h, w) = (settings.latentHeight, settings.latentWidth)
        let channels = latentFormat.channels
        let sigmaSchedule = prepared.sigmas
        var noise: any NoiseSource = settings.rng == .nv ? PhiloxGenerator(seed: seed) : TorchCPUGenerator(seed: seed)
        let sigma0 = sigmaSchedule[0]
        let x = noise.randn(channels * h * w).map { $0 * sigma0 }                  // [C, h, w]
        let predictor = GuidedNoisePredictor(unet: unet, latentChannels: channels, height: h, width: w)
        var step = 0
        let denoiser = CompVisDenoiser(sigmas: sigmas, prediction: prediction) { xIn, t in
            try cancellation?.check()
            return try predictor(xIn, t: t, cond: prepared.cond.conditioning(atStep: step),
                                 uncond: prepared.uncond.conditioning(atStep: step), scale: settings.cfgScale)
        }
        let denoise: Denoiser = { x, sigma in
            step = Self.stepIndex(of: sigma, in: sigmaSchedule)
            let denoised = try denoiser(x, sigma: sigma)
            try FiniteValueCheck.require(denoised, .unet, at: "step \(step + 1) of \(settings.steps)")
            return denoised
        }
        return try prepared.sampler.sample(denoise, x: x, sigmas: sigmaSchedule, noise: &noise) { info in
            onStep(info.step, info.denoised)
        }
    }

    /// The sampler step a noise level belongs to: the last `i` with `sigmas[i] ≥ σ` (sigmas
    /// descend), so intermediate evaluations (Heun, DPM2) use their step's conditioning.
    static func stepIndex(of sigma: Float, in sigmas: [Float]) -> Int {
        var index = 0
        for (i, s) in sigmas.enumerated() where s >= sigma { index = i }
        return min(index, max(sigmas.count - 2, 0))
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// The live preview of a denoised latent of `settings`' size, one pixel per latent cell.
    func preview(of denoised: [Float], _ settings: RenderSettings) -> RGBImage? {
        LatentPreview.image(latent: denoised, width: settings.latentWidth, height: settings.latentHeight,
                            format: latentFormat)
    }

    /// `vae.decode(latent / scale + shift)` (ComfyUI `process_out`), quantised to 8-bit RGB.
    private func decode(_ latent: [Float], _ settings: RenderSettings) throws -> RGBImage {
        let (scale, shift) = (latentFormat.scaleFactor, latentFormat.shiftFactor)
        let z = Tensor(shape: [1, latentFormat.channels, settings.latentHeight, settings.latentWidth],
                       values: latent.map { $0 / scale + shift })                                      // [1, 4, h, w]
        let image = try vae.decode(z)                                                                  // [1, 3, H, W]
        try FiniteValueCheck.require(image, .vae)
        return try RGBImage(channelsFirst: UnsafeBufferPointer(start: image.pointer, count: image.count),
                            width: image.shape[3], height: image.shape[2])
    }
}
