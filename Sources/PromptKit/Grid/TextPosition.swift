import Foundation

/// Byte offsets in a file turned into `path:line:column` (both 1-based, column in
/// characters), for error messages.
enum TextPosition {
    static func location(_ path: String, _ data: Data, _ byteOffset: Int) -> String {
        let (line, column) = lineAndColumn(in: data, byteOffset: byteOffset)
        return "\(path):\(line):\(column)"
    }

    static func lineAndColumn(in data: Data, byteOffset: Int) -> (Int, Int) {
        let prefix = data.prefix(max(0, min(byteOffset, data.count)))
        let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? prefix.startIndex
        let column = String(decoding: prefix[lineStart...], as: UTF8.self).count + 1
        return (line, column)
    }

    /// Foundation's JSONSerialization reports "… around character N." (a byte offset).
    static func characterOffset(inJSONError message: String) -> Int? {
        guard let range = message.range(of: "character ") else { return nil }
        return Int(message[range.upperBound...].prefix { $0.isNumber })
    }

    static func strippingPosition(_ message: String) -> String {
        var text = message
        for marker in [" around character", " starting from character"] {
            if let range = text.range(of: marker) { text = String(text[..<range.lowerBound]) }
        }
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }

    /// Byte offset of the first byte that is not valid UTF-8, or nil.
    static func firstInvalidUTF8Offset(in data: Data) -> Int? {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// The line where the last key of `keyPath` appears (searching for each key in turn after
    /// the previous one), or nil.
    static func line(ofKeyPath keyPath: [String], in data: Data) -> Int? {
        let text = String(decoding: data, as: UTF8.self)
        var from = text.startIndex
        var found: String.Index?
        for key in keyPath where !key.hasPrefix("[") {
            guard let range = text.range(of: "\"\(key)\"", range: from..<text.endIndex) else { break }
            found = range.lowerBound
            from = range.upperBound
        }
        guard let found else { return nil }
        return text[..<found].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }
}
