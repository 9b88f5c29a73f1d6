import Catalog

/// One txt2img job for the engine, with `Catalog`'s `Sampler` and `Schedule`. The executable
/// maps user-facing settings onto this.
public struct GenerationRequest: Equatable, Sendable {
    public var prompt: String
    public var negativePrompt: String
    public var steps: Int
    public var sampler: Sampler
    public var schedule: Schedule
    public var cfgScale: Double
    /// The seed of the first image; image `i` of a batch uses `seed + i` (A1111, ComfyUI).
    public var seed: UInt64
    public var width: Int
    public var height: Int
    /// 1 = last CLIP layer, 2 = penultimate (A1111 "Clip skip").
    public var clipSkip: Int
    public var batchSize: Int
    /// A low-resolution first pass for interactive use: with a value d > 1, each image is first
    /// sampled at 1/d of the width and height (multiples of 8, at least 8 px) with min(steps, d²)
    /// steps — together about one full-resolution step's work — and reported through
    /// `GenerationProgress` with `isDraft` set and its latent preview, before the real image is
    /// rendered. The draft draws its own noise at its own size, so it shows the prompt's colours
    /// and rough layout, not the final composition. 1 (the default) renders no draft.
    public var draftScale: Int

    public init(prompt: String, negativePrompt: String = "", steps: Int = 20,
                sampler: Sampler = .eulerA, schedule: Schedule = .normal,
                cfgScale: Double = 7, seed: UInt64 = 0, width: Int = 512, height: Int = 512,
                clipSkip: Int = 1, batchSize: Int = 1, draftScale: Int = 1) {
        self.prompt = prompt
        self.negativePrompt = negativePrompt
        self.steps = steps
        self.sampler = sampler
        self.schedule = schedule
        self.cfgScale = cfgScale
        self.seed = seed
        self.width = width
        self.height = height
        self.clipSkip = clipSkip
        self.batchSize = batchSize
        self.draftScale = draftScale
    }

    /// Latent size: the VAE downsamples by 8.
    public var latentWidth: Int { width / 8 }
    public var latentHeight: Int { height / 8 }

    /// Rejects what the engine cannot run, naming the field.
    public func validate() throws {
        func bad(_ field: String, _ reason: String) -> GenerationError { .invalidRequest(field: field, reason: reason) }
        guard steps >= 1, steps <= 10_000 else { throw bad("steps", "must be between 1 and 10000, got \(steps)") }
        guard cfgScale.isFinite, cfgScale >= 0 else { throw bad("cfg", "must be a finite number ≥ 0, got \(cfgScale)") }
        for (field, side) in [("width", width), ("height", height)] {
            guard side >= 8, side <= 2048, side % 8 == 0 else {
                throw bad(field, "must be a multiple of 8 between 8 and 2048, got \(side)")
            }
        }
        guard clipSkip >= 1 else { throw bad("clip skip", "must be at least 1, got \(clipSkip)") }
        guard batchSize >= 1, batchSize <= 64 else { throw bad("batch", "must be between 1 and 64, got \(batchSize)") }
        guard draftScale >= 1, draftScale <= 8 else { throw bad("draft scale", "must be between 1 and 8, got \(draftScale)") }
    }
}
