@testable import Imaging

/// Builds PNG files byte by byte from the PNG specification, independently of libpng, so the
/// decoder can be tested on colour types and bit depths Easel's encoder never writes.
/// The image data is wrapped in a zlib stream of *stored* (uncompressed) deflate blocks
/// (RFC 1950 header + RFC 1951 §3.2.4 stored blocks + Adler-32), written out by hand here.
enum HandBuiltPNG {
    /// A PNG with the given IHDR fields and raw scanlines (each already starting with its filter
    /// byte), plus optional chunks (e.g. PLTE, tRNS, tEXt) placed before IDAT.
    static func make(width: Int, height: Int, bitDepth: UInt8, colourType: UInt8, interlaced: Bool = false,
                     extra: [PNGChunk] = [], scanlines: [UInt8]) -> [UInt8] {
        var ihdr = PNGChunk.bigEndian(UInt32(width)) + PNGChunk.bigEndian(UInt32(height))
        ihdr += [bitDepth, colourType, 0, 0, interlaced ? 1 : 0]
        var bytes = PNGChunk.signature
        bytes += PNGChunk(type: "IHDR", data: ihdr).serialized()
        for chunk in extra { bytes += chunk.serialized() }
        bytes += PNGChunk(type: "IDAT", data: storedZlib(scanlines)).serialized()
        bytes += PNGChunk(type: "IEND", data: []).serialized()
        return bytes
    }

    /// `data` as a zlib stream of stored deflate blocks (no compression).
    static func storedZlib(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]          // CMF (deflate, 32K window), FLG (FCHECK: 0x7801 % 31 == 0)
        var offset = 0
        repeat {
            let count = min(65535, data.count - offset)
            let isLast: UInt8 = offset + count == data.count ? 1 : 0
            out.append(isLast)                    // BFINAL, BTYPE = 00 (stored)
            out += [UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            out += data[offset..<offset + count]
            offset += count
        } while offset < data.count
        return out + PNGChunk.bigEndian(adler32(data))
    }

    static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }
}
