import EngineAPI
import Foundation
import Imaging
import Models
import RenderSettings
import Sampling
import Tensor

/// txt2img, img2img, inpainting and the hires fix with an SD 1.x checkpoint: text
/// conditioning (cached), initial noise from a torch-compatible CPU generator, a k-diffusion
/// sampler over the model sampling's denoiser with classifier-free guidance, and the VAE
/// decode.
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
    /// TAESD for this family (`LatentFormat.taesdDecoderFile`), when one was found: it draws
    /// the live previews, and the final image too with `finalDecodeWithTAESD`.
    public var taesd: TinyAutoencoderDecoder?
    /// Decode the final image with TAESD instead of the VAE (faster, a little softer).
    public var finalDecodeWithTAESD = false
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

    /// Renders `request.settings.batchSize` images; image `i` uses seed `settings.seed + i` (with
    /// a variation seed: the seed, and variation seed + i; `RenderSettings.seeds(ofImage:)`).
    /// With an init image the job is img2img (inpainting with a mask), with `settings.hires`
    /// a txt2img pass followed by the hires fix, else txt2img. `adapters` are merged first
    /// (only the layers whose networks or weights changed since the last render are touched;
    /// `.none` takes every LoRA off). `progress` is called after every step; setting
    /// `cancellation` stops the job within one model evaluation with `EngineError.cancelled`.
    public func generate(_ request: EngineRequest, adapters: RenderAdapters = .none, cancellation: CancellationFlag? = nil,
                         progress: ((GenerationProgress) -> Void)? = nil) throws -> [GeneratedImage] {
        try request.validate()
        defer { HalfWeightScratch.shared.release() }       // the widening buffer lives for one generation
        let request = request.fittingInitImage().request
        try apply(adapters)
        let settings = request.settings
        let start = DispatchTime.now()
        let prepared = try prepare(settings)
        var images: [GeneratedImage] = []
        for index in 0..<settings.batchSize {
            try cancellation?.check()
            let (seed, variationSeed) = settings.seeds(ofImage: index)
            if request.draftScale > 1, request.initImage == nil, settings.hires == nil {
                try draftPass(request, seed: seed, variationSeed: variationSeed, imageIndex: index, start: start, cancellation: cancellation,
                              progress: progress)
            }
            let job = Job(request: request, seed: seed, variationSeed: variationSeed, prepared: prepared,
                          cancellation: cancellation) {
                progress?(GenerationProgress(step: $0, totalSteps: $1, imageIndex: index, imageCount: settings.batchSize,
                                             elapsed: Self.seconds(since: start), preview: $2))
            }
            var image = GeneratedImage(image: try render(job), seed: seed)
            if settings.variation.isActive { image.variationSeed = variationSeed }
            images.append(image)
        }
        return images
    }

    /// One image of a job: txt2img, img2img or txt2img + hires fix, decoded.
    func render(_ job: Job) throws -> RGBImage {
        if let initImage = job.request.initImage { return try imageToImage(job, initImage) }
        let settings = job.request.settings
        let size = LatentSize(settings)
        var noise = noiseSource(job, size)
        let hiresSteps = settings.hires?.secondPassSteps(firstPassSteps: settings.steps) ?? 0
        let plan = SamplingPlan(size: size, sigmas: job.prepared.sigmas,
                                imageConditioning: try emptyImageConditioning(size))
        let latent = try sample(plan, job, noise: &noise, stepOffset: 0, totalSteps: settings.steps + hiresSteps)
        if let hires = settings.hires { return try hiresFix(hires, latent: latent, size: size, job) }
        try job.cancellation?.check()
        return try decode(latent, size)
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

    /// One sampling run from `plan`: the initial noise is the next draw of `noise` (scaled as
    /// the settings' `SamplingConvention` says — σ₀, or ComfyUI's √(1 + σ₀²) — and added to
    /// the init latent, if any), then the sampler, with inpainting's blend
    /// after every denoiser call and at the end. Returns the final latent [C·h·w].
    ///
    /// The blend is A1111 `modules/sd_samplers_cfg_denoiser.py` `CFGDenoiser.forward` (after
    /// CFG, `mask_before_denoising` off): `denoised = init·(1 − m) + m·denoised`, and
    /// `processing.py` `StableDiffusionProcessingImg2Img.sample`: the same on the result.
    func sample(_ plan: SamplingPlan, _ job: Job, noise: inout any NoiseSource, stepOffset: Int,
                totalSteps: Int) throws -> [Float] {
        let settings = job.request.settings
        let (h, w) = (plan.size.height, plan.size.width)
        let sigmaSchedule = plan.sigmas
        let convention = settings.rng.samplingConvention
        let drawn = noise.randn(latentFormat.channels * h * w)                               // [C, h, w]
        let x = convention.startNoise.startLatent(noise: drawn, sigma0: sigmaSchedule[0], sigmaMax: sigmas.sigmaMax,
                                                  initLatent: plan.initLatent)               // [C, h, w]
        var predictor = GuidedNoisePredictor(unet: unet, latentChannels: latentFormat.channels, height: h, width: w)
        predictor.imageConditioning = plan.imageConditioning
        var step = 0
        let prepared = job.prepared
        let model: CompVisDenoiser.Model = { [predictor] xIn, t in
            try job.cancellation?.check()
            return try predictor(xIn, t: t, cond: prepared.cond.conditioning(atStep: step),
                                 uncond: prepared.uncond.conditioning(atStep: step), scale: settings.cfgScale)
        }
        let denoiser = self.denoiser(settings.modelSampling, timestep: convention.timestep, model: model)
        let blend = plan.repaintMask.flatMap { mask in plan.initLatent.map { (mask, $0) } }
        let denoise: Denoiser = { x, sigma in
            step = Self.stepIndex(of: sigma, in: sigmaSchedule)
            let denoised = try denoiser(x, sigma)
            try FiniteValueCheck.require(denoised, .unet, at: "step \(stepOffset + step + 1) of \(totalSteps)")
            return blend.map { Self.blend(init: $0.1, denoised, mask: $0.0) } ?? denoised
        }
        let result = try prepared.sampler.sample(denoise, x: x, sigmas: sigmaSchedule, noise: &noise) { info in
            job.onStep(stepOffset + info.step + 1, totalSteps, self.preview(of: info.denoised, plan.size))
        }
        return blend.map { Self.blend(init: $0.1, result, mask: $0.0) } ?? result
    }

    /// `init·(1 − mask) + mask·x` per value (mask 1 = repaint).
    static func blend(init initLatent: [Float], _ x: [Float], mask: [Float]) -> [Float] {
        var out = [Float](repeating: 0, count: x.count)
        for i in out.indices { out[i] = initLatent[i] * (1 - mask[i]) + mask[i] * x[i] }
        return out
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

    /// The live preview of a denoised latent: TAESD's picture when loaded, else the latent
    /// format's linear approximation, one pixel per latent cell.
    func preview(of denoised: [Float], _ size: LatentSize) -> RGBImage? {
        if let taesd { return try? Self.quantise(taesd.decode(latentTensor(denoised, size))) }
        return LatentPreview.image(latent: denoised, width: size.width, height: size.height, format: latentFormat)
    }

    func latentTensor(_ latent: [Float], _ size: LatentSize) -> Tensor {
        Tensor(shape: [1, latentFormat.channels, size.height, size.width], values: latent)             // [1, C, h, w]
    }

    static func quantise(_ image: Tensor) throws -> RGBImage {
        try RGBImage(channelsFirst: UnsafeBufferPointer(start: image.pointer, count: image.count),
                     width: image.shape[3], height: image.shape[2])
    }

    /// `vae.decode(latent / scale + shift)` (ComfyUI `process_out`), quantised to 8-bit RGB.
    /// The UNet's activation buffers are freed first, so the decode's do not come on top, and
    /// so are the file pages of its half-stored weights and their widening buffer
    /// (`Precision.fp32HalfWeights`; the next UNet call reads the pages from the file again).
    func decode(_ latent: [Float], _ size: LatentSize) throws -> RGBImage {
        unet.releaseScratch()
        unet.releaseWeightPages()
        if finalDecodeWithTAESD, let taesd { return try Self.quantise(taesd.decode(latentTensor(latent, size))) }
        let (scale, shift) = (latentFormat.scaleFactor, latentFormat.shiftFactor)
        let z = Tensor(shape: [1, latentFormat.channels, size.height, size.width],
                       values: latent.map { $0 / scale + shift })                                      // [1, 4, h, w]
        let image = try vae.decode(z)                                                                  // [1, 3, H, W]
        try FiniteValueCheck.require(image, .vae)
        return try Self.quantise(image)
    }
}

extension StableDiffusionPipeline {
    /// The noise stream of one image of `job` at latent `size`: the generator the settings'
    /// source names (`RNGSource.generator`) seeded with the seed; with a variation seed or a
    /// seed resize, A1111's `ImageRNG` over that generator (`VariationNoise`), whose first draw
    /// mixes; the sampler's later draws as the source's convention says
    /// (`SamplerNoiseStream`: continued, or ComfyUI's second generator of the same seed).
    func noiseSource(_ job: Job, _ size: LatentSize) -> any NoiseSource {
        Self.noiseSource(job.request.settings, seed: job.seed, variationSeed: job.variationSeed,
                         shape: NoiseShape(channels: latentFormat.channels, height: size.height, width: size.width))
    }

    static func noiseSource(_ settings: RenderSettings, seed: UInt64, variationSeed: UInt64, shape: NoiseShape) -> any NoiseSource {
        // A1111 `ImageRNG.first`: `noise_shape = (C, seed_resize_from_h // 8, seed_resize_from_w // 8)`.
        let resize = settings.seedResizeFrom.map { NoiseShape(channels: shape.channels, height: $0.height / 8, width: $0.width / 8) }
        let variation = settings.variation
        let rng = settings.rng
        let start: any NoiseSource = variation.isActive || resize != nil
            ? VariationNoise(seed: seed, variationSeed: variationSeed, strength: Float(variation.strength), shape: shape,
                             resizeFrom: resize) { AnyNoiseSource(rng.generator(seed: $0)) }
            : rng.generator(seed: seed)
        return rng.samplingConvention.samplerNoise.stream(start: start) { rng.generator(seed: seed) }
    }
}
