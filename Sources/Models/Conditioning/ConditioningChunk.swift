/// One A1111 prompt chunk: 77 token ids (BOS, up to 75 tokens, EOS padding) and the
/// emphasis multiplier of each position. Reference: A1111 `modules/sd_hijack_clip.py`,
/// `PromptChunk` (`tokens`, `multipliers`).
public struct ConditioningChunk: Equatable, Sendable {
    public var ids: [Int]
    public var multipliers: [Float]
    /// Textual-inversion vectors that replace the token embeddings at their positions.
    public var embeddings: [EmbeddingInsert]

    public init(ids: [Int], multipliers: [Float], embeddings: [EmbeddingInsert] = []) {
        self.ids = ids
        self.multipliers = multipliers
        self.embeddings = embeddings
    }

    /// The chunk of the empty prompt: BOS, then EOS to the end, all multipliers 1. CLIP's
    /// BOS is 49406 and its EOS (also its padding token in SD 1.x) is 49407.
    public static func empty(length: Int = 77, bos: Int = 49406, eos: Int = 49407) -> ConditioningChunk {
        ConditioningChunk(ids: [bos] + Array(repeating: eos, count: length - 1),
                          multipliers: Array(repeating: 1, count: length))
    }
}
