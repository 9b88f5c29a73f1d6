import PromptSyntax

/// Splits a prompt into 75-token chunks the way A1111 does
/// (`FrozenCLIPEmbedderWithCustomWordsBase.tokenize_line`, `modules/sd_hijack_clip.py`):
/// - the prompt is parsed for attention (`parsePromptAttention`) and each span is tokenized on
///   its own, every token taking its span's weight;
/// - a chunk holds 75 tokens; when a token does not fit and a comma was among the chunk's last
///   20 tokens (`comma_padding_backtrack`), the chunk ends after that comma and the tokens
///   after it move on to the next chunk;
/// - a `BREAK` marker (`["BREAK", -1]`) ends the current chunk, even an empty one;
/// - an empty prompt gives one empty chunk.
/// - a textual-inversion embedding (`EmbeddingVocabulary`) takes as many slots as it has
///   vectors, each with the span's weight; one that does not fit in the chunk starts the
///   next one (`tokenize_line`'s `emb_len` check). A1111 leaves an embedding's slot record
///   behind when the comma backtrack moves it to the next chunk; here it moves with it.
public struct A1111Chunker: Sendable {
    public static let chunkLength = PromptChunk.capacity
    /// A1111's default `comma_padding_backtrack`.
    public static let commaBacktrack = 20

    public let tokenizer: CLIPTokenizer
    /// How far back a comma may be to end a full chunk early; 0 turns the backtrack off.
    public var commaPaddingBacktrack: Int

    public init(tokenizer: CLIPTokenizer, commaPaddingBacktrack: Int = A1111Chunker.commaBacktrack) {
        self.tokenizer = tokenizer
        self.commaPaddingBacktrack = commaPaddingBacktrack
    }

    /// Parses `prompt` for attention and chunks it.
    public func chunk(_ prompt: String, embeddings: EmbeddingVocabulary = .empty) -> ChunkedPrompt {
        chunk(spans: parsePromptAttention(prompt), embeddings: embeddings)
    }

    /// Chunks already-parsed spans.
    public func chunk(spans: [WeightedSpan], embeddings: EmbeddingVocabulary = .empty) -> ChunkedPrompt {
        var builder = Builder(commaID: tokenizer.commaID, commaBacktrack: commaPaddingBacktrack)
        for span in spans {
            if span.isBreak {
                builder.nextChunk(isLast: false)
                continue
            }
            let tokens = tokenizer.encode(span.text)
            var position = 0
            while position < tokens.count {
                builder.makeRoom(for: tokens[position])
                if let embedding = embeddings.match(tokens, at: position) {
                    builder.addEmbedding(embedding, weight: span.weight)
                    position += embedding.ids.count
                } else {
                    builder.append(tokens[position], weight: span.weight)
                    position += 1
                }
            }
        }
        if !builder.current.tokens.isEmpty || builder.chunks.isEmpty {
            builder.nextChunk(isLast: true)
        }
        return ChunkedPrompt(chunks: builder.chunks, tokenCount: builder.tokenCount)
    }

    /// Chunks `(text, weight)` pairs, as the attention parser returns them.
    public func chunks(_ spans: [(text: String, weight: Double)]) -> [PromptChunk] {
        chunk(spans: spans.map { WeightedSpan($0.text, $0.weight) }).chunks
    }

    /// `[BOS] + tokens + [EOS] * (76 − n)`: the 77 ids CLIP sees for a chunk.
    public func paddedIDs(_ chunk: PromptChunk) -> [Int] {
        chunk.paddedIDs(startOfText: tokenizer.startID, endOfText: tokenizer.endID)
    }

    /// Multipliers aligned with `paddedIDs`: 1.0 at BOS, EOS and padding.
    public func paddedMultipliers(_ chunk: PromptChunk) -> [Double] {
        chunk.paddedMultipliers
    }

    /// The state of `tokenize_line` while it walks the tokens.
    private struct Builder {
        let commaID: Int?
        let commaBacktrack: Int
        var chunks: [PromptChunk] = []
        var current = PromptChunk()
        var tokenCount = 0
        /// Index in `current` of the last comma, or -1.
        var lastComma = -1

        init(commaID: Int?, commaBacktrack: Int) {
            self.commaID = commaID
            self.commaBacktrack = commaBacktrack
        }

        /// Before `token` is placed: note a comma, move the tokens after a recent comma on
        /// when the chunk is full (the backtrack), and start the next chunk when it is full.
        mutating func makeRoom(for token: Int) {
            let length = current.tokens.count
            if token == commaID {
                lastComma = length
            } else if commaBacktrack != 0, length == PromptChunk.capacity, lastComma != -1,
                      length - lastComma <= commaBacktrack {
                let breakLocation = lastComma + 1
                let carried = PromptChunk(
                    tokens: Array(current.tokens[breakLocation...]), multipliers: Array(current.multipliers[breakLocation...]),
                    embeddings: current.embeddings.filter { $0.offset >= breakLocation }.map {
                        PromptChunk.EmbeddingSlot(offset: $0.offset - breakLocation, name: $0.name, vectors: $0.vectors)
                    })
                current.tokens.removeSubrange(breakLocation...)
                current.multipliers.removeSubrange(breakLocation...)
                current.embeddings.removeAll { $0.offset >= breakLocation }
                nextChunk(isLast: false)
                current = carried
            }
            if current.tokens.count == PromptChunk.capacity {
                nextChunk(isLast: false)
            }
        }

        mutating func append(_ token: Int, weight: Double) {
            current.tokens.append(token)
            current.multipliers.append(weight)
        }

        /// An embedding's N slots (placeholder id 0), in a new chunk when they do not fit.
        mutating func addEmbedding(_ embedding: EmbeddingVocabulary.Entry, weight: Double) {
            let n = min(embedding.vectors, PromptChunk.capacity)
            if current.tokens.count + n > PromptChunk.capacity { nextChunk(isLast: false) }
            current.embeddings.append(PromptChunk.EmbeddingSlot(offset: current.tokens.count, name: embedding.name, vectors: n))
            current.tokens += Array(repeating: 0, count: n)
            current.multipliers += Array(repeating: weight, count: n)
        }

        /// `next_chunk`: a finished chunk counts 75 tokens, the last one only those it holds.
        mutating func nextChunk(isLast: Bool) {
            tokenCount += isLast ? current.tokens.count : PromptChunk.capacity
            chunks.append(current)
            current = PromptChunk()
            lastComma = -1
        }
    }
}
