/// Textual-inversion vectors placed in a chunk: row i of `vectors` (`width` wide) replaces
/// the token embedding at `position + i` (a position among the chunk's 77, so after the start
/// token), before the position embeddings are added. Reference: A1111
/// `modules/sd_hijack.py`, `EmbeddingsWithFixes.forward` (`tensor[0:offset + 1]`, the
/// vectors, then the rest).
public struct EmbeddingInsert: Equatable, Sendable {
    public var position: Int
    public var width: Int
    /// [N·width], row-major: the first text encoder's vectors.
    public var vectors: [Float]
    /// The same slots for the model's further text encoders, in context order (SDXL's bigG:
    /// the file's `clip_g`); empty for a one-encoder model.
    public var otherEncoders: [EmbeddingInsert]

    public init(position: Int, width: Int, vectors: [Float], otherEncoders: [EmbeddingInsert] = []) {
        self.position = position
        self.width = width
        self.vectors = vectors
        self.otherEncoders = otherEncoders
    }

    /// The insert text encoder `index` reads (nil when the embedding has no vectors for it).
    public func forEncoder(_ index: Int) -> EmbeddingInsert? {
        guard index > 0 else { return EmbeddingInsert(position: position, width: width, vectors: vectors) }
        return index - 1 < otherEncoders.count ? otherEncoders[index - 1] : nil
    }

    public var count: Int { vectors.count / max(width, 1) }
}
