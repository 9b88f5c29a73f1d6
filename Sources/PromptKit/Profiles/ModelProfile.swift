import RenderSettings

/// One model family's advice, as data: recommended CFG, steps, sizes, negative-prompt
/// support, default sampler and clip skip. See `ModelProfiles` for the values and sources.
public struct ModelProfile: Equatable, Sendable {
    public enum NegativeSupport: Equatable, Sendable {
        /// A separate negative prompt (CFG's unconditional branch).
        case separate
        /// No negative prompt; exclusions go in a prompt parameter (Midjourney `--no`).
        case parameter(String)
        /// No negative prompt at all.
        case none
    }

    public let family: ModelFamily
    public let name: String
    /// `nil` for hosted models, where the user sets no CFG.
    public let recommendedCFG: Double?
    /// `nil` for hosted models.
    public let steps: ClosedRange<Int>?
    public let defaultSteps: Int?
    /// The largest width or height before quality degrades; `nil` when not the user's concern.
    public let maxSide: Int?
    public let defaultWidth: Int
    public let defaultHeight: Int
    public let negative: NegativeSupport
    public let defaultSampler: Sampler?
    /// CLIP layers to skip for realistic work and for anime.
    public let clipSkipRealistic: Int
    public let clipSkipAnime: Int
    /// True when prompts go through CLIP's 75-token chunks (A1111 chunking applies).
    public let usesCLIPChunks: Bool
    /// Upper word count for plain-English prompts, when the family has one.
    public let wordLimit: Int?
    /// Quality tags make sense for this family.
    public let acceptsQualityTags: Bool
    /// The guide's advice in one line, for help screens.
    public let advice: String
    /// The sizes the family was trained on, one per aspect ratio (SDXL's buckets), which the
    /// aspect picker offers instead of the native area at that ratio; empty when it has none.
    public var sizeBuckets: [PixelSize] = []
    /// What the clip skip slider means for this family, when that differs from its number.
    public var clipSkipNote: String?

    public var supportsNegative: Bool { negative != .none }

    /// Render settings for this family's defaults (prompt left empty).
    public func defaultSettings(anime: Bool = false) -> RenderSettings {
        RenderSettings(steps: defaultSteps ?? 20, sampler: defaultSampler ?? .eulerA,
                       cfgScale: recommendedCFG ?? 7, width: defaultWidth, height: defaultHeight,
                       clipSkip: anime ? clipSkipAnime : clipSkipRealistic)
    }
}

/// A width × height in pixels.
public struct PixelSize: Equatable, Sendable {
    public var width: Int
    public var height: Int

    public init(_ width: Int, _ height: Int) {
        self.width = width
        self.height = height
    }
}

extension ModelFamily {
    /// This family's advice (`ModelProfiles.all`).
    public var profile: ModelProfile { ModelProfiles.profile(for: self) }
}
