import Foundation

/// CLIP's byte-level BPE tokenizer, matching transformers' `CLIPTokenizer` id for id
/// (`tokenization_clip.py` `bpe`; the normaliser and pattern of `convert_slow_tokenizer.py`
/// `CLIPConverter`, which transformers 5 uses for `CLIPTokenizer`).
public final class CLIPTokenizer: @unchecked Sendable {
    public static let startOfText = 49406
    public static let endOfText = 49407

    public let vocabulary: CLIPVocabulary
    public let startID: Int
    public let endID: Int
    /// `,</w>`: where A1111's chunking may break a long prompt.
    public let commaID: Int?

    private let lock = NSLock()
    private var wordCache: [String: [Int]] = [:]

    public init(vocabulary: CLIPVocabulary) throws {
        self.vocabulary = vocabulary
        guard let start = vocabulary.ids["<|startoftext|>"] else { throw TokenizerError.tokenMissing("<|startoftext|>") }
        guard let end = vocabulary.ids["<|endoftext|>"] else { throw TokenizerError.tokenMissing("<|endoftext|>") }
        startID = start
        endID = end
        commaID = vocabulary.ids[",</w>"]
    }

    /// A tokenizer from a folder holding `vocab.json` + `merges.txt` or `bpe_simple_vocab_16e6.txt`.
    public convenience init(directory: URL) throws {
        try self.init(vocabulary: CLIPVocabulary(directory: directory))
    }

    /// Token ids for `text`, without BOS/EOS (transformers: `add_special_tokens=False`).
    public func encode(_ text: String) -> [Int] {
        var ids: [Int] = []
        for word in CLIPPreTokenizer.words(CLIPTextNormalizer.normalize(text)) {
            ids += idsForWord(word)
        }
        return ids
    }

    private func idsForWord(_ word: String) -> [Int] {
        lock.lock()
        if let hit = wordCache[word] { lock.unlock(); return hit }
        lock.unlock()
        let encoded = String(word.utf8.map { ByteLevelAlphabet.characterForByte[Int($0)] })
        let ids = bytePairMerge(encoded).map { vocabulary.ids[$0] ?? endID }
        lock.lock()
        if wordCache.count > 50_000 { wordCache.removeAll(keepingCapacity: true) }
        wordCache[word] = ids
        lock.unlock()
        return ids
    }

    /// Greedy BPE: repeatedly merge the adjacent pair of lowest rank (transformers `bpe`).
    func bytePairMerge(_ token: String) -> [String] {
        var symbols = token.map { String($0) }
        guard !symbols.isEmpty else { return [] }
        symbols[symbols.count - 1] += "</w>"
        while symbols.count > 1 {
            var best: (rank: Int, index: Int)?
            for i in 0..<(symbols.count - 1) {
                if let rank = vocabulary.mergeRanks[.init(left: symbols[i], right: symbols[i + 1])],
                   rank < (best?.rank ?? .max) {
                    best = (rank, i)
                }
            }
            guard let (_, index) = best else { break }
            let (left, right) = (symbols[index], symbols[index + 1])
            var merged: [String] = []
            merged.reserveCapacity(symbols.count)
            var i = 0
            while i < symbols.count {
                if i < symbols.count - 1, symbols[i] == left, symbols[i + 1] == right {
                    merged.append(left + right); i += 2
                } else {
                    merged.append(symbols[i]); i += 1
                }
            }
            symbols = merged
        }
        return symbols
    }
}
