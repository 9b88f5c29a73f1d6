import RenderSettings

/// One job for an engine: the render settings (prompt, sampler, size, seed, …, validated in
/// one place, `RenderSettings.validate()`) plus what is not a setting of the picture itself.
/// Job inputs that are not settings live here: the init image and its mask (their strength and
/// mask blur are settings, `denoisingStrength` and `maskBlur`, because A1111's infotext carries
/// them), the preview decoder, and the folders to look in for LoRAs and embeddings (the prompt
/// names LoRAs by its own `<lora:name:te:unet>` tags, A1111 syntax, and embeddings by its
/// words). An engine whose capabilities lack a feature refuses the request in `validate(for:)`.
public struct EngineRequest: Equatable, Sendable {
    public var settings: RenderSettings
    /// A low-resolution first pass for interactive use: with a value d > 1, each image is first
    /// sampled at 1/d of the width and height (multiples of 8, at least 8 px) with min(steps, d²)
    /// steps — together about one full-resolution step's work — and reported through
    /// `GenerationProgress` with `isDraft` set and its preview, before the real image is
    /// rendered. 1 (the default) renders no draft. Engines without drafts ignore it.
    public var draftScale: Int
    /// img2img / inpainting input; nil for txt2img.
    public var initImage: InitImage?
    /// What draws the previews; engines without TAESD use their own previews.
    public var previewDecoder: PreviewDecoder
    /// Decode the final image with the preview decoder when it is TAESD (faster, softer).
    public var finalDecodeWithPreviewDecoder: Bool
    /// Folders searched for the prompt's `<lora:…>` names for this job, before the engine's
    /// own library folders (`easel generate --lora-dir`).
    public var loraFolders: [String]
    /// Folders whose textual-inversion embeddings the prompts may call for this job, before
    /// the engine's own (`easel generate --embeddings-dir`).
    public var embeddingFolders: [String]

    public init(settings: RenderSettings, draftScale: Int = 1, initImage: InitImage? = nil,
                previewDecoder: PreviewDecoder = .automatic, finalDecodeWithPreviewDecoder: Bool = false,
                loraFolders: [String] = [], embeddingFolders: [String] = []) {
        self.settings = settings
        self.draftScale = draftScale
        self.initImage = initImage
        self.previewDecoder = previewDecoder
        self.finalDecodeWithPreviewDecoder = finalDecodeWithPreviewDecoder
        self.loraFolders = loraFolders
        self.embeddingFolders = embeddingFolders
    }

    /// Largest `draftScale`.
    public static let maximumDraftScale = 8

    /// The settings' checks, then the request's own fields.
    public func validate() throws {
        try settings.validate()
        guard draftScale >= 1, draftScale <= Self.maximumDraftScale else {
            throw EngineError.invalidRequest(field: "draft scale",
                                             reason: "must be between 1 and \(Self.maximumDraftScale), got \(draftScale)")
        }
        try validateInitImage()
    }
}
