/// SD 1.x (and 2.x) text conditioning: A1111's CLIP path (`A1111Conditioning`), context only
/// (no pooled or extra parts).
public struct SD1Conditioner: Conditioner {
    public let a1111: A1111Conditioning

    public init(_ a1111: A1111Conditioning) {
        self.a1111 = a1111
    }

    public var textModels: [CLIPTextModel] { [a1111.textModel] }

    public func encode(_ chunks: [ConditioningChunk], clipSkip: Int) throws -> Conditioning {
        Conditioning(context: try a1111.encode(chunks, clipSkip: clipSkip))     // [1, 77·k, D]
    }

    /// A1111 `pad_cond`, see `A1111Conditioning.padToSameLength`.
    public func padToSameLength(_ cond: Conditioning, _ uncond: Conditioning,
                                clipSkip: Int) throws -> (cond: Conditioning, uncond: Conditioning) {
        let (c, u) = try a1111.padToSameLength(cond.context, uncond.context, clipSkip: clipSkip)
        var (paddedCond, paddedUncond) = (cond, uncond)
        paddedCond.context = c
        paddedUncond.context = u
        return (paddedCond, paddedUncond)
    }
}
