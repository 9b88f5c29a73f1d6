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
/// Textual-inversion embeddings are not expanded.
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
    public func chunk(_ prompt: String) -> ChunkedPrompt {
        chunk(spans: parsePromptAttention(prompt))
    }

    /// Chunks already-parsed spans.
    public func chunk(spans: [WeightedSpan]) -> ChunkedPrompt {
        var builder = Builder(commaID: tokenizer.commaID, commaBacktrack: commaPaddingBacktrack)
        for span in spans {
            if span.isBreak {
                builder.nextChunk(isLast: false)
                continue
            }
            for token in tokenizer.encode(span.text) {
                builder.add(token, weight: span.weight)
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

        mutating func add(_ token: Int, weight: Double) {
            let length = current.tokens.count
            if token == commaID {
                lastComma = length
            } else if commaBacktrack != 0, length == PromptChunk.capacity, lastComma != -1,
                      length - lastComma <= commaBacktrack {
                let breakLocation = lastComma + 1
                let carried = PromptChunk(tokens: Array(current.tokens[breakLocation...]),
                                          multipliers: Array(current.multipliers[breakLocation...]))
                current.tokens.removeSubrange(breakLocation...)
                current.multipliers.removeSubrange(breakLocation...)
                nextChunk(isLast: false)
                current = carried
            }
            if current.tokens.count == PromptChunk.capacity {
                nextChunk(isLast: false)
            }
            current.tokens.append(token)
            current.multipliers.append(weight)
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
