import CPNG

/// One PNG chunk: a four-letter type and its data.
///
/// Layout (PNG specification, 3rd ed., §5.3 "Chunk layout"): a 4-byte big-endian length of the
/// data, the 4-byte type, the data, then a CRC-32 of type + data.
struct PNGChunk: Equatable {
    var type: String
    var data: [UInt8]

    /// The 8-byte PNG signature (§5.2).
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The largest chunk length the specification allows (2³¹ − 1).
    static let maximumLength = Int(Int32.max)

    /// The chunk as it appears in a file: length, type, data, CRC.
    func serialized() -> [UInt8] {
        let typeBytes = Array(type.utf8)
        var bytes = Self.bigEndian(UInt32(data.count))
        bytes += typeBytes
        bytes += data
        bytes += Self.bigEndian(Self.crc(type: typeBytes, data: data[...]))
        return bytes
    }

    /// CRC-32 (ISO 3309, as used by PNG §5.3) of the type and data, computed by zlib's `crc32`.
    static func crc(type: [UInt8], data: ArraySlice<UInt8>) -> UInt32 {
        var crc = type.withUnsafeBufferPointer { CPNG.crc32(0, $0.baseAddress, uInt($0.count)) }
        crc = data.withUnsafeBufferPointer { CPNG.crc32(crc, $0.baseAddress, uInt($0.count)) }
        return UInt32(truncatingIfNeeded: crc)
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16),
         UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }

    static func readBigEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
            | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }
}
