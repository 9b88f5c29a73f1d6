import Foundation

/// CLIP's BPE vocabulary: token → id and merge pair → rank.
///
/// Two on-disk forms are read:
/// - a Hugging Face tokenizer folder (`vocab.json` + `merges.txt`), as in a diffusers model's
///   `tokenizer/`;
/// - open_clip's `bpe_simple_vocab_16e6.txt`, from which the vocabulary is derived exactly as
///   OpenAI CLIP `simple_tokenizer.py` `SimpleTokenizer.__init__` does: the byte alphabet, the
///   same with `</w>`, each merge joined, then `<|startoftext|>` and `<|endoftext|>`.
public struct CLIPVocabulary: Sendable {
    public let ids: [String: Int]
    let mergeRanks: [MergePair: Int]

    struct MergePair: Hashable, Sendable { var left: String; var right: String }

    /// Merges used by CLIP: lines 1 ..< 49152 − 256 − 2 + 1 of the merges file.
    static let mergeLineRange = 1..<(49152 - 256 - 2 + 1)

    public init(ids: [String: Int], merges: [(String, String)]) {
        self.ids = ids
        var ranks: [MergePair: Int] = [:]
        for (rank, merge) in merges.enumerated() where ranks[MergePair(left: merge.0, right: merge.1)] == nil {
            ranks[MergePair(left: merge.0, right: merge.1)] = rank
        }
        mergeRanks = ranks
    }

    /// Reads `vocab.json` + `merges.txt` from a folder, or `bpe_simple_vocab_16e6.txt` in it.
    public init(directory: URL) throws {
        let fm = FileManager.default
        let vocabJSON = directory.appendingPathComponent("vocab.json")
        let mergesTXT = directory.appendingPathComponent("merges.txt")
        let simple = directory.appendingPathComponent("bpe_simple_vocab_16e6.txt")
        if fm.fileExists(atPath: vocabJSON.path), fm.fileExists(atPath: mergesTXT.path) {
            try self.init(vocabJSON: vocabJSON, merges: mergesTXT)
        } else if fm.fileExists(atPath: simple.path) {
            try self.init(simpleVocabulary: simple)
        } else {
            throw TokenizerError.vocabularyMissing(directory.path)
        }
    }

    init(vocabJSON: URL, merges: URL) throws {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(contentsOf: vocabJSON))
        } catch {
            throw TokenizerError.vocabularyUnreadable(vocabJSON.path, "not valid JSON")
        }
        guard let table = object as? [String: Any] else {
            throw TokenizerError.vocabularyUnreadable(vocabJSON.path, "expected a JSON object of token → id")
        }
        var ids: [String: Int] = [:]
        ids.reserveCapacity(table.count)
        for (token, value) in table {
            guard let id = (value as? NSNumber)?.intValue else {
                throw TokenizerError.vocabularyUnreadable(vocabJSON.path, "token '\(token)' has no integer id")
            }
            ids[token] = id
        }
        self.init(ids: ids, merges: try Self.readMerges(merges))
    }

    init(simpleVocabulary url: URL) throws {
        let merges = try Self.readMerges(url)
        var tokens = ByteLevelAlphabet.orderedBytes.map { String(ByteLevelAlphabet.characterForByte[Int($0)]) }
        tokens += tokens.map { $0 + "</w>" }
        tokens += merges.map { $0.0 + $0.1 }
        tokens += ["<|startoftext|>", "<|endoftext|>"]
        var ids: [String: Int] = [:]
        for (id, token) in tokens.enumerated() { ids[token] = id }
        self.init(ids: ids, merges: merges)
    }

    private static func readMerges(_ url: URL) throws -> [(String, String)] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw TokenizerError.vocabularyUnreadable(url.path, "not readable UTF-8 text")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let range = mergeLineRange.clamped(to: 0..<lines.count)
        return try lines[range].enumerated().compactMap { offset, line in
            let parts = line.split(separator: " ")
            if parts.isEmpty { return nil }
            guard parts.count == 2 else {
                throw TokenizerError.vocabularyUnreadable("\(url.path):\(offset + range.lowerBound + 1)", "expected two symbols")
            }
            return (String(parts[0]), String(parts[1]))
        }
    }
}
