/// One chunk of a prompt as A1111 feeds it to CLIP: up to 75 prompt tokens with one attention
/// multiplier each (A1111 `modules/sd_hijack_clip.py`, `PromptChunk`). The start token and the
/// end-token padding are added by `paddedIDs` / `paddedMultipliers`.
public struct PromptChunk: Equatable, Sendable {
    /// Prompt tokens per chunk; with the start and end tokens a chunk is 77 long.
    public static let capacity = 75
    public static let paddedLength = capacity + 2

    /// The prompt's token ids in this chunk, without start, end or padding.
    public var tokens: [Int]
    /// The attention multiplier of each token, as A1111 computes it (a Python float; A1111
    /// turns the list into a float32 tensor only when it applies it).
    public var multipliers: [Double]
    /// Textual-inversion embeddings in the chunk: each fills `vectors` slots from `offset`
    /// (counted from the first token after the start token), whose ids are placeholders 0
    /// (A1111 `PromptChunkFix`).
    public var embeddings: [EmbeddingSlot]

    public init(tokens: [Int] = [], multipliers: [Double] = [], embeddings: [EmbeddingSlot] = []) {
        self.tokens = tokens
        self.multipliers = multipliers
        self.embeddings = embeddings
    }

    /// Where one embedding's vectors go in a chunk.
    public struct EmbeddingSlot: Equatable, Sendable {
        public var offset: Int
        public var name: String
        public var vectors: Int

        public init(offset: Int, name: String, vectors: Int) {
            self.offset = offset
            self.name = name
            self.vectors = vectors
        }
    }

    /// How many prompt tokens the chunk holds (what A1111's counter shows).
    public var tokenCount: Int { tokens.count }

    /// The 77 ids CLIP reads: start, the tokens, then end tokens to fill the chunk.
    public func paddedIDs(startOfText: Int = CLIPTokenizer.startOfText,
                          endOfText: Int = CLIPTokenizer.endOfText) -> [Int] {
        [startOfText] + tokens + Array(repeating: endOfText, count: Self.paddedLength - 1 - tokens.count)
    }

    /// The 77 multipliers matching `paddedIDs`: 1.0 at the start, end and padding.
    public var paddedMultipliers: [Double] {
        [1.0] + multipliers + Array(repeating: 1.0, count: Self.paddedLength - 1 - multipliers.count)
    }
}

/// A prompt split into chunks, with A1111's token count (75 for every chunk but the last,
/// plus the tokens of the last).
public struct ChunkedPrompt: Equatable, Sendable {
    public var chunks: [PromptChunk]
    public var tokenCount: Int

    public init(chunks: [PromptChunk], tokenCount: Int) {
        self.chunks = chunks
        self.tokenCount = tokenCount
    }
}
