import Foundation

/// Finds a key that appears twice in one JSON object, at any depth. `JSONDecoder` keeps one
/// copy silently; the reference reader refuses such a header (huggingface/safetensors issue
/// #401: a file with duplicate keys fails to open, reported as `InvalidOffset` because the
/// dropped copy leaves a hole in the data section; serde's derived `TensorInfo` also rejects a
/// repeated field as "duplicate field"). Easel refuses it by name.
///
/// Runs on JSON that has already decoded, so it only tracks strings, escapes and nesting; keys
/// with escapes are compared after decoding (`"\u0061"` equals `"a"`). Linear in the length.
enum JSONDuplicateKeys {
    static func first(in json: Data) -> String? {
        json.withUnsafeBytes { first(in: $0.bindMemory(to: UInt8.self)) }
    }

    static func first(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var keySets: [Set<String>] = []
        var containers: [UInt8] = []   // "{" or "["
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                containers.append(byte)
                if byte == UInt8(ascii: "{") { keySets.append([]) }
                i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if containers.popLast() == UInt8(ascii: "{") { keySets.removeLast() }
                i += 1
            case UInt8(ascii: "\""):
                let start = i
                i = endOfString(bytes, from: i)
                guard containers.last == UInt8(ascii: "{"), nextNonSpace(bytes, from: i) == UInt8(ascii: ":") else { continue }
                let key = decodeString(UnsafeBufferPointer(rebasing: bytes[start..<i]))
                if !keySets[keySets.count - 1].insert(key).inserted { return key }
            default:
                i += 1
            }
        }
        return nil
    }

    /// The index just past the string literal that starts at `start` (its opening quote).
    private static func endOfString(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start + 1
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\\") { i += 2; continue }
            if bytes[i] == UInt8(ascii: "\"") { return i + 1 }
            i += 1
        }
        return bytes.count
    }

    private static func nextNonSpace(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8? {
        var i = start
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        return i < bytes.count ? bytes[i] : nil
    }

    /// A string literal's value (with its quotes in `literal`).
    private static func decodeString(_ literal: UnsafeBufferPointer<UInt8>) -> String {
        guard literal.contains(UInt8(ascii: "\\")) else {
            return String(decoding: UnsafeBufferPointer(rebasing: literal.dropFirst().dropLast()), as: UTF8.self)
        }
        return (try? JSONDecoder().decode(String.self, from: Data(literal))) ?? String(decoding: literal, as: UTF8.self)
    }
}
