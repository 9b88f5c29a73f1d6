/// Encoding and decoding of PNG text chunks (PNG specification, 3rd ed., §11.3.3):
/// - `tEXt`: keyword, NUL, Latin-1 text;
/// - `zTXt`: keyword, NUL, compression method 0, zlib-compressed Latin-1 text;
/// - `iTXt`: keyword, NUL, compression flag, compression method, language tag, NUL,
///   translated keyword, NUL, UTF-8 text (zlib-compressed when the flag is 1).
///
/// Writing follows Pillow's `PngInfo.add_text` (`PIL/PngImagePlugin.py`), which is how A1111 stores
/// its `parameters`: a `tEXt` chunk when the value is Latin-1, otherwise an uncompressed `iTXt`
/// with an empty language tag and translated keyword.
enum PNGTextChunk {
    /// Decompressed text larger than this is refused (a guard against zip bombs).
    static let maximumDecompressedLength = 16 * 1024 * 1024

    /// The chunk for one key/value pair. Throws when the key is not a valid PNG keyword.
    static func encode(key: String, value: String, path: String) throws -> PNGChunk {
        guard let keyBytes = latin1(key), (1...79).contains(keyBytes.count),
              keyBytes.allSatisfy({ $0 >= 0x20 && ($0 < 0x7F || $0 >= 0xA1) }) else {
            throw ImageFileError(path: path, reason: "text key \"\(key)\" is not a PNG keyword "
                                 + "(1–79 printable Latin-1 characters)")
        }
        if let valueBytes = latin1(value) {
            return PNGChunk(type: "tEXt", data: keyBytes + [0] + valueBytes)
        }
        // keyword NUL, flag 0 (uncompressed), method 0, empty language NUL, empty translated key NUL.
        return PNGChunk(type: "iTXt", data: keyBytes + [0, 0, 0, 0, 0] + Array(value.utf8))
    }

    /// The key/value pair of a `tEXt`, `zTXt` or `iTXt` chunk, or nil for any other chunk type.
    static func decode(_ chunk: PNGChunk, path: String) throws -> (key: String, value: String)? {
        func corrupt(_ reason: String) -> ImageFileError {
            ImageFileError(path: path, reason: "corrupt \(chunk.type) chunk (\(reason))")
        }
        guard ["tEXt", "zTXt", "iTXt"].contains(chunk.type) else { return nil }
        let data = chunk.data
        guard let keyEnd = data.firstIndex(of: 0), keyEnd > 0 else { throw corrupt("no keyword") }
        let key = fromLatin1(data[..<keyEnd])
        let rest = data[(keyEnd + 1)...]
        switch chunk.type {
        case "tEXt":
            return (key, fromLatin1(rest))
        case "zTXt":
            guard let method = rest.first, method == 0 else { throw corrupt("unknown compression method") }
            return (key, fromLatin1(try inflate(rest.dropFirst(), corrupt: corrupt)))
        default:
            guard rest.count >= 2 else { throw corrupt("header cut short") }
            let compressed = rest[rest.startIndex]
            let method = rest[rest.startIndex + 1]
            var fields = rest.dropFirst(2)
            guard let languageEnd = fields.firstIndex(of: 0) else { throw corrupt("no language tag") }
            fields = fields[(languageEnd + 1)...]
            guard let translatedEnd = fields.firstIndex(of: 0) else { throw corrupt("no translated keyword") }
            var text = Array(fields[(translatedEnd + 1)...])
            if compressed == 1 {
                guard method == 0 else { throw corrupt("unknown compression method") }
                text = try inflate(text[...], corrupt: corrupt)
            } else if compressed != 0 {
                throw corrupt("bad compression flag \(compressed)")
            }
            guard let value = String(validating: text, as: UTF8.self) else { throw corrupt("text is not UTF-8") }
            return (key, value)
        }
    }

    private static func inflate(_ bytes: ArraySlice<UInt8>,
                                corrupt: (String) -> ImageFileError) throws -> [UInt8] {
        do {
            return try ZlibInflater.inflate(bytes, limit: maximumDecompressedLength)
        } catch ZlibInflater.Failure.corrupt(let reason) {
            throw corrupt(reason)
        } catch {
            throw corrupt("text decompresses to more than \(maximumDecompressedLength) bytes")
        }
    }

    /// Dictionary entries sorted by key, so the same text always gives the same file.
    static func inKeyOrder(_ text: [String: String]) -> [(key: String, value: String)] {
        text.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
    }

    /// The Latin-1 bytes of `string`, or nil when it has a character outside U+0000…U+00FF.
    static func latin1(_ string: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(string.unicodeScalars.count)
        for scalar in string.unicodeScalars {
            guard scalar.value <= 0xFF else { return nil }
            bytes.append(UInt8(scalar.value))
        }
        return bytes
    }

    static func fromLatin1<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
        return String(scalars)
    }
}
