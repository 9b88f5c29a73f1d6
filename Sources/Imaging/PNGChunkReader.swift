/// Splits a PNG file into its chunks, checking the signature, every chunk's length and CRC, that
/// IHDR comes first and that the file reaches IEND. Anything after IEND is ignored, as libpng does.
enum PNGChunkReader {
    /// The chunks from IHDR to IEND (inclusive). `path` only names the file in errors.
    static func chunks(in bytes: [UInt8], path: String) throws -> [PNGChunk] {
        func fail(_ reason: String) -> ImageFileError { ImageFileError(path: path, reason: reason) }
        guard bytes.count >= 8, Array(bytes[0..<8]) == PNGChunk.signature else {
            throw fail(bytes.isEmpty ? "empty file, not a PNG" : "not a PNG file (bad signature)")
        }
        var chunks: [PNGChunk] = []
        var offset = 8
        while true {
            guard bytes.count - offset >= 8 else {
                throw fail("truncated PNG file (ends after \(chunks.count) chunks, before IEND)")
            }
            let length = Int(PNGChunk.readBigEndian(bytes, at: offset))
            let typeBytes = Array(bytes[offset + 4 ..< offset + 8])
            guard typeBytes.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
                throw fail("corrupt PNG file (bad chunk type at byte \(offset + 4))")
            }
            let type = String(decoding: typeBytes, as: UTF8.self)
            guard length <= PNGChunk.maximumLength else {
                throw fail("corrupt PNG file (\(type) chunk length \(length) is too large)")
            }
            guard bytes.count - offset - 12 >= length else {
                throw fail("truncated PNG file (\(type) chunk at byte \(offset) is cut short)")
            }
            let data = bytes[offset + 8 ..< offset + 8 + length]
            let storedCRC = PNGChunk.readBigEndian(bytes, at: offset + 8 + length)
            guard storedCRC == PNGChunk.crc(type: typeBytes, data: data) else {
                throw fail("corrupt PNG file (CRC mismatch in \(type) chunk at byte \(offset))")
            }
            if chunks.isEmpty && type != "IHDR" {
                throw fail("corrupt PNG file (first chunk is \(type), not IHDR)")
            }
            chunks.append(PNGChunk(type: type, data: Array(data)))
            offset += 12 + length
            if type == "IEND" { return chunks }
        }
    }
}
