import RenderSettings

/// One job for an engine: the render settings (prompt, sampler, size, seed, …, validated in
/// one place, `RenderSettings.validate()`) plus what is not a setting of the picture itself.
/// Later capabilities (an init image, a mask and a strength; LoRA and embedding references)
/// are added here, and an engine that lacks one refuses the request in `validate(for:)`.
public struct EngineRequest: Equatable, Sendable {
    public var settings: RenderSettings
    /// A low-resolution first pass for interactive use: with a value d > 1, each image is first
    /// sampled at 1/d of the width and height (multiples of 8, at least 8 px) with min(steps, d²)
    /// steps — together about one full-resolution step's work — and reported through
    /// `GenerationProgress` with `isDraft` set and its preview, before the real image is
    /// rendered. 1 (the default) renders no draft. Engines without drafts ignore it.
    public var draftScale: Int

    public init(settings: RenderSettings, draftScale: Int = 1) {
        self.settings = settings
        self.draftScale = draftScale
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
