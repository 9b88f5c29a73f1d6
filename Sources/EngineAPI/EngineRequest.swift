import RenderSettings

/// One job for an engine: the render settings (prompt, sampler, size, seed, …, validated in
/// one place, `RenderSettings.validate()`) plus what is not a setting of the picture itself.
/// LoRAs are named by the prompt's own `<lora:name:te:unet>` tags (A1111 syntax) and
/// embeddings by its words; the request adds the folders to look in for this job. Later
/// capabilities (an init image, a mask and a strength) are added here, and an engine that
/// lacks one refuses the request in `validate(for:)`.
public struct EngineRequest: Equatable, Sendable {
    public var settings: RenderSettings
    /// A low-resolution first pass for interactive use: with a value d > 1, each image is first
    /// sampled at 1/d of the width and height (multiples of 8, at least 8 px) with min(steps, d²)
    /// steps — together about one full-resolution step's work — and reported through
    /// `GenerationProgress` with `isDraft` set and its preview, before the real image is
    /// rendered. 1 (the default) renders no draft. Engines without drafts ignore it.
    public var draftScale: Int
    /// Folders searched for the prompt's `<lora:…>` names for this job, before the engine's
    /// own library folders (`easel generate --lora-dir`).
    public var loraFolders: [String]
    /// Folders whose textual-inversion embeddings the prompts may call for this job, before
    /// the engine's own (`easel generate --embeddings-dir`).
    public var embeddingFolders: [String]

    public init(settings: RenderSettings, draftScale: Int = 1, loraFolders: [String] = [], embeddingFolders: [String] = []) {
        self.settings = settings
        self.draftScale = draftScale
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
    }
}
