import Foundation
import UntrustedText

extension CLIPVocabulary {
    /// The file name open_clip ships (and `tools/setup.sh` installs).
    public static let openCLIPFileName = "bpe_simple_vocab_16e6.txt"

    /// Loads a vocabulary from a folder holding `vocab.json` + `merges.txt` (a Hugging Face
    /// or diffusers `tokenizer/` folder) or `bpe_simple_vocab_16e6.txt`, or from either file.
    public static func load(from url: URL) throws -> CLIPVocabulary {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw TokenizerError.vocabularyNotFound(searched: [url.path])
        }
        if !isDirectory.boolValue {
            if url.lastPathComponent == "vocab.json" {
                return try load(vocabJSON: url, merges: url.deletingLastPathComponent().appendingPathComponent("merges.txt"))
            }
            return try load(openCLIPVocabulary: url)
        }
        let vocabJSON = url.appendingPathComponent("vocab.json")
        let merges = url.appendingPathComponent("merges.txt")
        if FileManager.default.fileExists(atPath: vocabJSON.path), FileManager.default.fileExists(atPath: merges.path) {
            return try load(vocabJSON: vocabJSON, merges: merges)
        }
        let openCLIP = url.appendingPathComponent(openCLIPFileName)
        if FileManager.default.fileExists(atPath: openCLIP.path) {
            return try load(openCLIPVocabulary: openCLIP)
        }
        throw TokenizerError.vocabularyNotFound(searched: [url.path])
    }

    /// A folder in either format (see `load(from:)`).
    public init(directory: URL) throws {
        self = try Self.load(from: directory)
    }

    /// Hugging Face format: `vocab.json` maps token → id; `merges.txt` lists one merge per
    /// line in rank order after a `#version` header.
    public static func load(vocabJSON: URL, merges mergesURL: URL) throws -> CLIPVocabulary {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: try readData(vocabJSON))
        } catch let error as TokenizerError {
            throw error
        } catch {
            throw TokenizerError.malformedFile(path: vocabJSON.path, line: nil, reason: "not valid JSON")
        }
        guard let table = object as? [String: Any] else {
            throw TokenizerError.malformedFile(path: vocabJSON.path, line: nil, reason: "expected a JSON object of token ids")
        }
        var ids: [String: Int] = [:]
        ids.reserveCapacity(table.count)
        for (token, value) in table {
            ids[token] = try Self.tokenID(value, token: token, path: vocabJSON.path, count: table.count)
        }
        let lines = try readLines(mergesURL)
        var merges: [(left: String, right: String, line: Int)] = []
        merges.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() {
            if index == 0, line.hasPrefix("#version") { continue }
            if line.isEmpty { continue }
            merges.append(try mergePair(line, path: mergesURL.path, lineNumber: index + 1))
        }
        return try CLIPVocabulary(ids: ids, merges: merges, source: mergesURL.path)
    }

    /// One `vocab.json` value as an id, each kind of bad value worded as what it is: not a
    /// number, not whole, negative, or past the vocabulary's size (ids are 0 ..< count).
    private static func tokenID(_ value: Any, token: String, path: String, count: Int) throws -> Int {
        let name = QuotedInput.shortened(token)
        func fail(_ reason: String) -> TokenizerError { .malformedFile(path: path, line: nil, reason: "the id of '\(name)' \(reason)") }
        guard let number = value as? NSNumber else { throw fail("is not a number") }
        let double = number.doubleValue
        guard double.isFinite, double == double.rounded() else { throw fail("is \(number), not a whole number") }
        guard double >= 0 else { throw fail("is \(number), a negative number") }
        guard double < Double(count), let id = Int(exactly: double) else {
            throw fail("is \(number), out of range: \(count) tokens have ids 0 to \(count - 1)")
        }
        return id
    }

    /// open_clip format: a header line, then merges. The vocabulary is derived as open_clip's
    /// `SimpleTokenizer.__init__` does (`open_clip/tokenizer.py`): the first 48,894 merges
    /// (`lines[1 : 49152-256-2+1]`); tokens are the 256 byte characters, the same with `</w>`,
    /// each merge joined, then `<|startoftext|>` and `<|endoftext|>`.
    public static func load(openCLIPVocabulary url: URL) throws -> CLIPVocabulary {
        if url.pathExtension == "gz" {
            throw TokenizerError.unreadableFile(path: url.path, reason: "is compressed; unpack it with gunzip first")
        }
        let lines = try readLines(url, limit: 49152 - 256 - 2 + 1)
        let mergeLines = lines.dropFirst()
        var merges: [(left: String, right: String, line: Int)] = []
        merges.reserveCapacity(mergeLines.count)
        for (offset, line) in mergeLines.enumerated() {
            merges.append(try mergePair(line, path: url.path, lineNumber: offset + 2))
        }
        var tokens = ByteLevelAlphabet.bytesInOrder.map { ByteLevelAlphabet.characters[Int($0)] }
        tokens += tokens.map { $0 + endOfWord }
        tokens += merges.map { $0.left + $0.right }
        tokens += [startOfText, endOfText]
        var ids: [String: Int] = [:]
        ids.reserveCapacity(tokens.count)
        for (id, token) in tokens.enumerated() where ids[token] == nil {
            ids[token] = id
        }
        return try CLIPVocabulary(ids: ids, merges: merges, source: url.path)
    }

    /// A merge line: two tokens separated by whitespace (Python's `str.split()`).
    private static func mergePair(_ line: String, path: String, lineNumber: Int) throws -> (left: String, right: String, line: Int) {
        let parts = line.split(whereSeparator: { $0.isWhitespace })
        guard parts.count == 2 else {
            throw TokenizerError.malformedFile(path: path, line: lineNumber, reason: "expected two tokens separated by a space")
        }
        return (String(parts[0]), String(parts[1]), lineNumber)
    }

    private static func readData(_ url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw TokenizerError.unreadableFile(path: url.path, reason: "cannot be read")
        }
    }

    /// The file's lines (split at `\n`, a trailing `\r` dropped), at most `limit` of them;
    /// only those lines are decoded, so reading the head of a large file is quick.
    private static func readLines(_ url: URL, limit: Int = .max) throws -> [String] {
        let data = try readData(url)
        var lines: [String] = []
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var start = 0
            while start <= bytes.count, lines.count < limit {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                var lineEnd = end
                if lineEnd > start, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                guard let line = String(bytes: UnsafeBufferPointer(rebasing: bytes[start..<lineEnd]), encoding: .utf8) else {
                    throw TokenizerError.malformedFile(path: url.path, line: lines.count + 1, reason: "is not UTF-8 text")
                }
                lines.append(line)
                start = end + 1
            }
        }
        return lines
    }
}
