import Foundation
import UntrustedText

/// Everything that decides one txt2img render, shared by the engine CLI, presets and the TUI.
///
/// Defaults follow A1111's txt2img defaults (20 steps, CFG 7, 512×512, clip skip 1, batch 1)
/// with Easel's default sampler Euler a and the CPU RNG. A "random" seed is a CLI notion;
/// here the seed is always concrete.
public struct RenderSettings: Equatable, Sendable {
    public var prompt: String
    public var negativePrompt: String
    public var steps: Int
    public var sampler: Sampler
    public var schedule: Schedule
    public var cfgScale: Double
    public var seed: UInt64
    public var width: Int
    public var height: Int
    /// 1 = last CLIP layer; 2 = penultimate (A1111 "Clip skip").
    public var clipSkip: Int
    public var batchSize: Int
    /// A1111 "Model": the checkpoint's file name without extension.
    public var modelName: String?
    /// A1111 "Model hash": the first 10 hex digits of the file's sha256.
    public var modelHash: String?
    public var rng: RNGSource
    /// A1111 "Denoising strength", in (0, 1]: how much of an init image is repainted
    /// (img2img), or the strength of the hires-fix second pass. nil for plain txt2img.
    public var denoisingStrength: Double?
    /// A1111's hires fix: a second img2img pass at a larger size. nil for none.
    public var hires: HiresFix?
    /// A1111 "Mask blur" (pixels) for an inpainting mask; nil or 0 leaves the mask sharp.
    public var maskBlur: Int?
    /// How noise levels map to the UNet's timesteps (`lcm` for LCM checkpoints and LoRAs).
    public var modelSampling: ModelSampling = .discrete
    /// A1111's variation seed and strength (`VariationSeed`); strength 0 is off.
    public var variation: VariationSeed = .off
    /// A1111's "Seed resize from" (`SeedResize`); nil is off.
    public var seedResizeFrom: SeedResize?
    /// The prompt and negative as written before their wildcards were expanded (Dynamic
    /// Prompts' "Template" / "Negative Template"); nil when nothing was expanded.
    public var promptTemplate: String?
    public var negativeTemplate: String?
    /// Infotext keys Easel does not interpret, kept in their original order so that reading
    /// and writing an A1111 PNG loses nothing.
    public var extraParameters: [InfotextField]

    public init(prompt: String = "", negativePrompt: String = "", steps: Int = 20,
                sampler: Sampler = .eulerA, schedule: Schedule? = nil, cfgScale: Double = 7,
                seed: UInt64 = 0, width: Int = 512, height: Int = 512, clipSkip: Int = 1,
                batchSize: Int = 1, modelName: String? = nil, modelHash: String? = nil,
                rng: RNGSource = .cpu, extraParameters: [InfotextField] = []) {
        self.prompt = prompt
        self.negativePrompt = negativePrompt
        self.steps = steps
        self.sampler = sampler
        self.schedule = schedule ?? sampler.automaticSchedule
        self.cfgScale = cfgScale
        self.seed = seed
        self.width = width
        self.height = height
        self.clipSkip = clipSkip
        self.batchSize = batchSize
        self.modelName = modelName
        self.modelHash = modelHash
        self.rng = rng
        self.extraParameters = extraParameters
    }

    /// Largest width or height accepted (the engine CLI's limit).
    public static let maximumSide = 2048
    /// Most sampler steps accepted (ComfyUI's limit, Sampling's `ScheduleKind.maxSteps`).
    public static let maximumSteps = 10_000
    /// Most images in one batch.
    public static let maximumBatchSize = 64

    /// Checks ranges: steps 1…`maximumSteps`, CFG ≥ 0 and finite, sides positive multiples of 8
    /// up to `maximumSide`, clip skip ≥ 1, batch size 1…`maximumBatchSize`, prompt and negative
    /// within `PromptTextLimit`.
    public func validate() throws {
        if steps < 1 { throw RenderSettingsError.invalidSetting(field: "steps", reason: "must be at least 1, got \(steps)") }
        if steps > Self.maximumSteps {
            throw RenderSettingsError.invalidSetting(field: "steps", reason: "must be at most \(Self.maximumSteps), got \(steps)")
        }
        if !(cfgScale >= 0) || !cfgScale.isFinite {
            throw RenderSettingsError.invalidSetting(field: "cfg", reason: "must be a finite number ≥ 0, got \(cfgScale)")
        }
        for (field, side) in [("width", width), ("height", height)] {
            guard side > 0, side <= Self.maximumSide, side % 8 == 0 else {
                throw RenderSettingsError.invalidSetting(
                    field: field, reason: "must be a multiple of 8 between 8 and \(Self.maximumSide), got \(side)")
            }
        }
        if clipSkip < 1 { throw RenderSettingsError.invalidSetting(field: "clip skip", reason: "must be at least 1, got \(clipSkip)") }
        if batchSize < 1 { throw RenderSettingsError.invalidSetting(field: "batch size", reason: "must be at least 1, got \(batchSize)") }
        if batchSize > Self.maximumBatchSize {
            throw RenderSettingsError.invalidSetting(
                field: "batch size", reason: "must be at most \(Self.maximumBatchSize), got \(batchSize)")
        }
        try validateImageToImage()
        try validateVariation()
        try Self.checkPromptLengths(prompt: prompt, negative: negativePrompt)
    }

    /// Throws when the prompt or the negative is over `PromptTextLimit` (32 KiB), naming which.
    public static func checkPromptLengths(prompt: String, negative: String) throws {
        for (field, text) in [("prompt", prompt), ("negative prompt", negative)] {
            do { try PromptTextLimit.check(text, what: field) } catch let error as TextTooLongError {
                throw RenderSettingsError.invalidSetting(
                    field: field, reason: "\(error.bytes) bytes, over the \(error.limit)-byte limit for prompt text")
            }
        }
    }
}

/// One `Key: value` pair of an infotext parameter line, value already unquoted.
public struct InfotextField: Codable, Equatable, Sendable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
