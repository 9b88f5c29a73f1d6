/// One 75-token piece of a prompt, as A1111 feeds CLIP: the tokens with their emphasis
/// multipliers, before BOS/EOS and padding are added.
public struct PromptChunk: Equatable, Sendable {
    public var tokens: [Int] = []
    public var multipliers: [Double] = []
    /// Tokens that came from the prompt (before padding), what the UI shows per chunk.
    public var tokenCount: Int { tokens.count }

    public init(tokens: [Int] = [], multipliers: [Double] = []) {
        self.tokens = tokens
        self.multipliers = multipliers
    }
}

/// A1111's prompt chunking (`modules/sd_hijack_clip.py`,
/// `TextConditionalModel.tokenize_line`): each weighted fragment is tokenized on its own,
/// tokens fill chunks of 75; when a chunk is full and a comma came within the last 20
/// tokens, the text after that comma moves to the next chunk (`comma_padding_backtrack`);
/// `BREAK` (a span `("BREAK", -1)`) closes the current chunk. Every chunk is then framed as
/// BOS + tokens + EOS padding to 77 with multiplier 1.0 outside the tokens.
public struct A1111Chunker: Sendable {
    public static let chunkLength = 75
    public static let commaBacktrack = 20

    public let tokenizer: CLIPTokenizer

    public init(tokenizer: CLIPTokenizer) {
        self.tokenizer = tokenizer
    }

    /// Chunks for weighted spans (the attention parser's output). An empty prompt gives one
    /// empty chunk.
    public func chunks(_ spans: [(text: String, weight: Double)]) -> [PromptChunk] {
        var chunks: [PromptChunk] = []
        var chunk = PromptChunk()
        var lastComma = -1

        func closeChunk() {
            chunks.append(chunk)
            chunk = PromptChunk()
            lastComma = -1
        }

        for span in spans {
            if span.text == "BREAK" && span.weight == -1 { closeChunk(); continue }
            for token in tokenizer.encode(span.text) {
                if token == tokenizer.commaID {
                    lastComma = chunk.tokens.count
                } else if chunk.tokens.count == Self.chunkLength, lastComma != -1,
                          chunk.tokens.count - lastComma <= Self.commaBacktrack {
                    let cut = lastComma + 1
                    let movedTokens = Array(chunk.tokens[cut...]), movedWeights = Array(chunk.multipliers[cut...])
                    chunk.tokens.removeSubrange(cut...)
                    chunk.multipliers.removeSubrange(cut...)
                    closeChunk()
                    chunk = PromptChunk(tokens: movedTokens, multipliers: movedWeights)
                }
                if chunk.tokens.count == Self.chunkLength { closeChunk() }
                chunk.tokens.append(token)
                chunk.multipliers.append(span.weight)
            }
        }
        if !chunk.tokens.isEmpty || chunks.isEmpty { closeChunk() }
        return chunks
    }

    /// `[BOS] + tokens + [EOS] * (76 − n)`: the 77 ids CLIP sees for a chunk.
    public func paddedIDs(_ chunk: PromptChunk) -> [Int] {
        [tokenizer.startID] + chunk.tokens + Array(repeating: tokenizer.endID, count: Self.chunkLength + 1 - chunk.tokens.count)
    }

    /// Multipliers aligned with `paddedIDs`: 1.0 at BOS, EOS and padding.
    public func paddedMultipliers(_ chunk: PromptChunk) -> [Double] {
        [1.0] + chunk.multipliers + Array(repeating: 1.0, count: Self.chunkLength + 1 - chunk.multipliers.count)
    }
}
