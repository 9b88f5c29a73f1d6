/// Textual-inversion vectors placed in a chunk: row i of `vectors` (`width` wide) replaces
/// the token embedding at `position + i` (a position among the chunk's 77, so after the start
/// token), before the position embeddings are added. Reference: A1111
/// `modules/sd_hijack.py`, `EmbeddingsWithFixes.forward` (`tensor[0:offset + 1]`, the
/// vectors, then the rest).
public struct EmbeddingInsert: Equatable, Sendable {
    public var position: Int
    public var width: Int
    /// [N·width], row-major.
    public var vectors: [Float]

    public init(position: Int, width: Int, vectors: [Float]) {
        self.position = position
        self.width = width
        self.vectors = vectors
    }

    public var count: Int { vectors.count / max(width, 1) }
}
