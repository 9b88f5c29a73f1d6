/// A model family's text conditioner: prompt chunks → `Conditioning`, what an empty negative
/// prompt means, the image-size part of the conditioning, and the padding that lets a cond and
/// an uncond of different lengths share one batch. One implementation per family
/// (`SD1Conditioner` for SD 1.x and 2.x, `SDXLConditioner`); the pipeline only sees this protocol.
public protocol Conditioner {
    /// The conditioning for one prompt text's chunks, with CLIP skip `clipSkip` (1 = last layer).
    func encode(_ chunks: [ConditioningChunk], clipSkip: Int) throws -> Conditioning

    /// The conditioning of a negative prompt that is exactly empty, or nil when the family
    /// encodes it like any other text (SD 1.x).
    func emptyNegative(clipSkip: Int) throws -> Conditioning?

    /// `conditioning` for an image of `width` × `height` pixels: families with size
    /// conditioning (SDXL) fill `Conditioning.extra`; others return it unchanged.
    func sized(_ conditioning: Conditioning, width: Int, height: Int) -> Conditioning

    /// `cond` and `uncond` with contexts of one common token length, or unchanged when the
    /// family runs different lengths as separate UNet calls; pooled and extra parts are kept.
    func padToSameLength(_ cond: Conditioning, _ uncond: Conditioning,
                         clipSkip: Int) throws -> (cond: Conditioning, uncond: Conditioning)

    /// The text encoders it runs (their half-stored weights' pages are released after a
    /// generation's conditioning, `PromptEncoder.releaseEncoderPages`).
    var textModels: [CLIPTextModel] { get }
}

extension Conditioner {
    public func emptyNegative(clipSkip: Int) throws -> Conditioning? { nil }
    public func sized(_ conditioning: Conditioning, width: Int, height: Int) -> Conditioning { conditioning }
}
