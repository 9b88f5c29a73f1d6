import Imaging

/// What an engine reports after each sampler step.
public struct GenerationProgress: Sendable {
    /// 1-based step just finished within the current image.
    public var step: Int
    public var totalSteps: Int
    /// 0-based image index within the batch, and the batch size.
    public var imageIndex: Int
    public var imageCount: Int
    /// Seconds since the job started (text encoding included).
    public var elapsed: Double
    /// A cheap RGB approximation of the current image, when the engine has one.
    public var preview: RGBImage?
    /// True for the steps of a low-resolution draft pass (`EngineRequest.draftScale`);
    /// `step` and `totalSteps` then count the draft's own steps.
    public var isDraft: Bool

    public init(step: Int, totalSteps: Int, imageIndex: Int, imageCount: Int, elapsed: Double,
                preview: RGBImage? = nil, isDraft: Bool = false) {
        self.step = step
        self.totalSteps = totalSteps
        self.imageIndex = imageIndex
        self.imageCount = imageCount
        self.elapsed = elapsed
        self.preview = preview
        self.isDraft = isDraft
    }

    /// Steps finished over the whole batch, and the batch's total.
    public var completedSteps: Int { imageIndex * totalSteps + step }
    public var allSteps: Int { imageCount * totalSteps }

    /// Iterations per second so far.
    public var iterationsPerSecond: Double { elapsed > 0 ? Double(completedSteps) / elapsed : 0 }

    /// Estimated seconds left, from the average pace so far.
    public var secondsRemaining: Double {
        completedSteps > 0 ? elapsed / Double(completedSteps) * Double(allSteps - completedSteps) : 0
    }
}

/// One finished image and the seed that made it.
public struct GeneratedImage: Sendable {
    public var image: RGBImage
    public var seed: UInt64
    /// The variation seed that made it, when the settings had a variation (A1111's subseed).
    public var variationSeed: UInt64?
    /// The engine's own A1111 infotext for this image, kept as it came (an A1111 server's
    /// `info.infotexts`), when it has one; nil means "build it from the request".
    public var infotext: String?

    public init(image: RGBImage, seed: UInt64, infotext: String? = nil) {
        self.image = image
        self.seed = seed
        self.infotext = infotext
    }
}
