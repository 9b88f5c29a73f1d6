/// A model family's text conditioner: prompt chunks → `Conditioning`, and the padding that
/// lets a cond and an uncond of different lengths share one batch. One implementation per
/// family (`SD1Conditioner` for SD 1.x and 2.x); the pipeline only sees this protocol.
public protocol Conditioner {
    /// The conditioning for one prompt text's chunks, with CLIP skip `clipSkip` (1 = last layer).
    func encode(_ chunks: [ConditioningChunk], clipSkip: Int) throws -> Conditioning

    /// `cond` and `uncond` with contexts of one common token length; pooled and extra parts
    /// are kept as they are.
    func padToSameLength(_ cond: Conditioning, _ uncond: Conditioning,
                         clipSkip: Int) throws -> (cond: Conditioning, uncond: Conditioning)
}
