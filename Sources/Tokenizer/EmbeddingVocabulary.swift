/// The textual-inversion embeddings a prompt may call, as the chunker sees them: each name's
/// token ids and how many vectors (chunk slots) it stands for. The vectors themselves stay
/// with the text encoder; the chunker only reserves their slots.
///
/// Matching follows A1111 `modules/textual_inversion/textual_inversion.py`
/// `EmbeddingDatabase.find_embedding_at_position`: candidates are indexed by their first
/// token id and tried longest first, on ids (so `EasyNegative` matches `easynegative`).
public struct EmbeddingVocabulary: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var name: String
        public var ids: [Int]
        public var vectors: Int

        public init(name: String, ids: [Int], vectors: Int) {
            self.name = name
            self.ids = ids
            self.vectors = vectors
        }
    }

    private var byFirstID: [Int: [Entry]] = [:]

    public static let empty = EmbeddingVocabulary(entries: [])

    public init(entries: [Entry]) {
        for entry in entries where !entry.ids.isEmpty && entry.vectors > 0 {
            byFirstID[entry.ids[0], default: []].append(entry)
        }
        for key in byFirstID.keys { byFirstID[key]!.sort { $0.ids.count > $1.ids.count } }
    }

    /// Names tokenized with `tokenizer` (no start or end token), each with its vector count.
    public init(names: [(name: String, vectors: Int)], tokenizer: CLIPTokenizer) {
        self.init(entries: names.map { Entry(name: $0.name, ids: tokenizer.encode($0.name), vectors: $0.vectors) })
    }

    public var isEmpty: Bool { byFirstID.isEmpty }

    /// The longest embedding whose ids start at `tokens[position]`.
    public func match(_ tokens: [Int], at position: Int) -> Entry? {
        byFirstID[tokens[position]]?.first { entry in
            position + entry.ids.count <= tokens.count && Array(tokens[position..<position + entry.ids.count]) == entry.ids
        }
    }
}
