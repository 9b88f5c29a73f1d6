import Foundation

/// CLIP's BPE tokenizer, giving the same ids as transformers'
/// `CLIPTokenizer(text, add_special_tokens=False).input_ids`.
///
/// Words are cached, so re-tokenizing a prompt after each keystroke only encodes the word
/// being typed. Safe to share between threads.
public final class CLIPTokenizer: @unchecked Sendable {
    /// `<|startoftext|>` and `<|endoftext|>` in CLIP's vocabulary (SD 1.x pads with the latter).
    public static let startOfText = 49406
    public static let endOfText = 49407

    public let vocabulary: CLIPVocabulary
    /// This vocabulary's `<|startoftext|>` id.
    public var startID: Int { vocabulary.startOfTextID }
    /// This vocabulary's `<|endoftext|>` id.
    public var endID: Int { vocabulary.endOfTextID }
    /// `,</w>`: where A1111's chunking may break a long prompt.
    public var commaID: Int? { vocabulary.commaID }

    private let encoder: BytePairEncoder
    private let lock = NSLock()
    private var cache: [String: [Int]] = [:]

    /// Words longer than this are not cached; the cache is emptied when it holds this many.
    private static let cacheableWordLength = 64
    private static let cacheCapacity = 100_000

    public init(vocabulary: CLIPVocabulary) {
        self.vocabulary = vocabulary
        encoder = BytePairEncoder(vocabulary: vocabulary)
    }

    /// Loads the vocabulary at `url`: a folder or file in either supported format (see
    /// `CLIPVocabulary.load(from:)`).
    public convenience init(contentsOf url: URL) throws {
        self.init(vocabulary: try CLIPVocabulary.load(from: url))
    }

    /// A tokenizer from a folder holding `vocab.json` + `merges.txt` or `bpe_simple_vocab_16e6.txt`.
    public convenience init(directory: URL) throws {
        try self.init(contentsOf: directory)
    }

    /// The token ids of `text`, without start or end tokens.
    public func encode(_ text: String) -> [Int] {
        var ids: [Int] = []
        for piece in CLIPPreTokenizer.pieces(of: text) {
            switch piece {
            case .special(let token):
                ids.append(vocabulary.ids[token]!)
            case .word(let word):
                ids.append(contentsOf: encode(word: word))
            }
        }
        return ids
    }

    /// The token strings of `ids` (byte-level characters, `</w>` ending each word).
    public func tokens(_ ids: [Int]) -> [String] {
        ids.map { vocabulary.tokens.indices.contains($0) ? vocabulary.tokens[$0] : "" }
    }

    private func encode(word: String) -> [Int] {
        let cacheable = word.utf8.count <= Self.cacheableWordLength
        if cacheable {
            lock.lock()
            let cached = cache[word]
            lock.unlock()
            if let cached { return cached }
        }
        let ids = encoder.encode(word: Array(word.utf8))
        if cacheable {
            lock.lock()
            if cache.count >= Self.cacheCapacity { cache.removeAll(keepingCapacity: true) }
            cache[word] = ids
            lock.unlock()
        }
        return ids
    }
}
