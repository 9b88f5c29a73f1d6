import UntrustedText
/// CLIP's BPE vocabulary: token strings with their ids, and the ranked merges between them.
public struct CLIPVocabulary: Sendable {
    /// Token string (byte-level characters, `</w>` marking a word's end) → id.
    public let ids: [String: Int]
    /// Id → token string.
    public let tokens: [String]
    /// (left id, right id) packed as `left << 32 | right` → rank << 32 | merged id.
    let merges: [UInt64: UInt64]
    /// The id of each byte's character, without and with the end-of-word mark.
    let byteIDs: [Int]
    let byteEndOfWordIDs: [Int]

    public let startOfTextID: Int
    public let endOfTextID: Int

    public static let startOfText = "<|startoftext|>"
    public static let endOfText = "<|endoftext|>"
    static let endOfWord = "</w>"

    /// Builds the vocabulary from token ids and merges in rank order.
    public init(ids: [String: Int], merges: [(String, String)]) throws {
        try self.init(ids: ids, merges: merges.map { ($0.0, $0.1, 0) }, source: "vocabulary")
    }

    /// Builds the vocabulary from token ids and merges in rank order; `source` names the file
    /// (and each merge its line) for error messages.
    init(ids: [String: Int], merges: [(left: String, right: String, line: Int)], source: String) throws {
        self.ids = ids
        // Ids are dense, 0 ..< count (CLIP's run 0 … 49407): one past that is an error, not a
        // 16 GB table.
        var tokens = Array(repeating: "", count: ids.count)
        for (token, id) in ids {
            guard (0..<ids.count).contains(id) else {
                throw TokenizerError.malformedFile(path: source, line: nil, reason:
                    "the id \(id) of '\(QuotedInput.shortened(token))' is out of range: \(ids.count) tokens have ids 0 to \(ids.count - 1)")
            }
            tokens[id] = token
        }
        self.tokens = tokens

        func id(_ token: String, line: Int?) throws -> Int {
            guard let id = ids[token] else {
                throw TokenizerError.malformedFile(path: source, line: line == 0 ? nil : line,
                                               reason: "token '\(token)' is not in the vocabulary")
            }
            return id
        }
        byteIDs = try ByteLevelAlphabet.characters.map { try id($0, line: nil) }
        byteEndOfWordIDs = try ByteLevelAlphabet.characters.map { try id($0 + Self.endOfWord, line: nil) }
        startOfTextID = try id(Self.startOfText, line: nil)
        endOfTextID = try id(Self.endOfText, line: nil)

        var table: [UInt64: UInt64] = [:]
        table.reserveCapacity(merges.count)
        for (rank, merge) in merges.enumerated() {
            let left = try id(merge.left, line: merge.line)
            let right = try id(merge.right, line: merge.line)
            let merged = try id(merge.left + merge.right, line: merge.line)
            let key = UInt64(UInt32(left)) << 32 | UInt64(UInt32(right))
            if table[key] == nil { table[key] = UInt64(rank) << 32 | UInt64(UInt32(merged)) }
        }
        self.merges = table
    }

    /// The id of `,</w>`, the comma A1111's chunking breaks after.
    public var commaID: Int? { ids[",</w>"] }

    public var count: Int { tokens.count }
}
