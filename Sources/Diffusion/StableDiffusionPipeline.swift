import Foundation
import Imaging
import Models
import Sampling
import Tensor

/// txt2img with an SD 1.x checkpoint: text conditioning (cached), initial noise from a
/// torch-compatible CPU generator, a k-diffusion sampler over the CompVis denoiser with
/// classifier-free guidance, and the VAE decode.
///
/// Reference: the fixtures' `tiny-sd15-reference` recipe (k-diffusion + diffusers), which is
/// ComfyUI's and A1111's (CPU RNG) txt2img: `noise = randn(1, 4, H/8, W/8)` from
/// `manual_seed(seed)`, `x = noise·σ₀`, sample, `vae.decode(x / 0.18215)`.
public final class StableDiffusionPipeline {
    /// SD 1.x latent scale (LDM `scale_factor`, diffusers `vae.config.scaling_factor`).
    public static let latentScale: Float = 0.18215

    public let unet: UNetModel
    public let vae: VAEModel
    public let promptEncoder: PromptEncoder
    public let sigmas: DiscreteSigmas
    public let prediction: ModelPrediction
    private let unetConfig: UNetConfig

    public init(unet: UNetModel, unetConfig: UNetConfig, vae: VAEModel, promptEncoder: PromptEncoder,
                sigmas: DiscreteSigmas = .stableDiffusion, prediction: ModelPrediction = .epsilon) {
        self.unet = unet
        self.unetConfig = unetConfig
        self.vae = vae
        self.promptEncoder = promptEncoder
        self.sigmas = sigmas
        self.prediction = prediction
    }

    /// Renders `request.batchSize` images; image `i` uses seed `request.seed + i`.
    /// `progress` is called after every step; setting `cancellation` stops the job within one
    /// model evaluation with `GenerationError.cancelled`.
    public func generate(_ request: GenerationRequest, cancellation: CancellationFlag? = nil,
                         progress: ((GenerationProgress) -> Void)? = nil) throws -> [GeneratedImage] {
        try request.validate()
        let start = DispatchTime.now()
        let cond = try promptEncoder.schedule(for: request.prompt, steps: request.steps, clipSkip: request.clipSkip)
        let uncond = try promptEncoder.schedule(for: request.negativePrompt, steps: request.steps, clipSkip: request.clipSkip)
        let (condPadded, uncondPadded) = try promptEncoder.padToCommonLength(cond, uncond, clipSkip: request.clipSkip)
        let sigmaSchedule = try request.schedule.sigmas(steps: request.steps, model: sigmas)
        var images: [GeneratedImage] = []
        for index in 0..<request.batchSize {
            try cancellation?.check()
            let seed = request.seed &+ UInt64(index)
            if request.draftScale > 1 {
                try draftPass(request, seed: seed, imageIndex: index, start: start, cancellation: cancellation,
                              progress: progress)
            }
            let latent = try sample(request, seed: seed, sigmas: sigmaSchedule, cond: condPadded, uncond: uncondPadded,
                                    cancellation: cancellation) { step, denoised in
                progress?(GenerationProgress(
                    step: step + 1, totalSteps: request.steps, imageIndex: index, imageCount: request.batchSize,
                    elapsed: Self.seconds(since: start),
                    preview: LatentPreview.image(latent: denoised, width: request.latentWidth, height: request.latentHeight)))
            }
            try cancellation?.check()
            // The UNet's activation buffers are not needed while the VAE decodes: free them so
            // the decode's buffers do not come on top (the next image allocates them again).
            unet.releaseScratch()
            images.append(GeneratedImage(image: try decode(latent, request: request), seed: seed))
        }
        return images
    }

    /// The sampling loop for one image; returns the final latent [4·h·w].
    func sample(_ request: GenerationRequest, seed: UInt64, sigmas sigmaSchedule: [Float],
                        cond: ConditioningSchedule, uncond: ConditioningSchedule, cancellation: CancellationFlag?,
                        onStep: @escaping (Int, [Float]) -> Void) throws -> [Float] {
        let (h, w) = (request.latentHeight, request.latentWidth)
        let channels = unetConfig.inChannels
        var noise: any NoiseSource = TorchCPUGenerator(seed: seed)
        let sigma0 = sigmaSchedule[0]
        let x = noise.randn(channels * h * w).map { $0 * sigma0 }                  // [C, h, w]
        let predictor = GuidedNoisePredictor(unet: unet, latentChannels: channels, height: h, width: w)
        var step = 0
        let denoiser = CompVisDenoiser(sigmas: sigmas, prediction: prediction) { xIn, t in
            try cancellation?.check()
            return try predictor(xIn, t: t, cond: cond.context(atStep: step), uncond: uncond.context(atStep: step),
                                 scale: request.cfgScale)
        }
        let denoise: Denoiser = { x, sigma in
            step = Self.stepIndex(of: sigma, in: sigmaSchedule)
            return try denoiser(x, sigma: sigma)
        }
        return try request.sampler.sample(denoise, x: x, sigmas: sigmaSchedule, noise: &noise) { info in
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

    /// `vae.decode(latent / 0.18215)`, quantised to 8-bit RGB.
    private func decode(_ latent: [Float], request: GenerationRequest) throws -> RGBImage {
        let scaled = latent.map { $0 / Self.latentScale }
        let z = Tensor(shape: [1, unetConfig.outChannels, request.latentHeight, request.latentWidth], values: scaled) // [1, 4, h, w]
        let image = try vae.decode(z)                                                                              // [1, 3, H, W]
        return try RGBImage(channelsFirst: UnsafeBufferPointer(start: image.pointer, count: image.count),
                            width: image.shape[3], height: image.shape[2])
    }
}
