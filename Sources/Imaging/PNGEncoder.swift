import CPNG

/// Encodes an ``RGBImage`` as an 8-bit RGB PNG with text chunks.
///
/// The pixels are compressed by libpng's simplified write API (`png_image_write_to_memory`), which
/// reports errors through its return value instead of `longjmp`. libpng's simplified API cannot
/// write text, so the text chunks are built here and inserted right after IHDR (before IDAT), where
/// Pillow puts them too.
public enum PNGEncoder {
    /// The PNG file bytes for `image` with `text` chunks in the given order.
    /// `path` only names the destination in errors.
    public static func encode(_ image: RGBImage, text: [(key: String, value: String)] = [],
                              path: String = "<memory>") throws -> [UInt8] {
        guard !image.isEmpty else {
            throw ImageFileError(path: path, reason: "cannot write an empty \(image.width)×\(image.height) image")
        }
        guard image.width <= Int(Int32.max) / 3, image.height <= Int(Int32.max) else {
            throw ImageFileError(path: path, reason: "image \(image.width)×\(image.height) is too large for PNG")
        }
        let textChunks = try text.map { try PNGTextChunk.encode(key: $0.key, value: $0.value, path: path) }
        var bytes = try compressPixels(image, path: path)
        // Signature (8) + IHDR chunk (4 length + 4 type + 13 data + 4 CRC).
        let afterHeader = 8 + 25
        guard bytes.count > afterHeader, String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR" else {
            throw ImageFileError(path: path, reason: "libpng produced an unexpected stream")
        }
        bytes.insert(contentsOf: textChunks.flatMap { $0.serialized() }, at: afterHeader)
        return bytes
    }

    /// Same, with the text given as a dictionary (written in key order, for reproducible files).
    public static func encode(_ image: RGBImage, text: [String: String], path: String = "<memory>") throws -> [UInt8] {
        try encode(image, text: PNGTextChunk.inKeyOrder(text), path: path)
    }

    private static func compressPixels(_ image: RGBImage, path: String) throws -> [UInt8] {
        var header = png_image()
        header.version = png_uint_32(PNG_IMAGE_VERSION)
        header.width = png_uint_32(image.width)
        header.height = png_uint_32(image.height)
        header.format = png_uint_32(PNG_FORMAT_RGB)
        let stride = png_int_32(image.width * 3)
        return try image.pixels.withUnsafeBufferPointer { pixels in
            var size: png_alloc_size_t = 0
            guard png_image_write_to_memory(&header, nil, &size, 0, pixels.baseAddress, stride, nil) != 0 else {
                throw ImageFileError(path: path, reason: "PNG encoding failed: \(message(of: header))")
            }
            var output = [UInt8](repeating: 0, count: Int(size))
            let ok = output.withUnsafeMutableBytes { buffer in
                png_image_write_to_memory(&header, buffer.baseAddress, &size, 0, pixels.baseAddress, stride, nil)
            }
            guard ok != 0 else {
                throw ImageFileError(path: path, reason: "PNG encoding failed: \(message(of: header))")
            }
            output.removeLast(output.count - Int(size))
            return output
        }
    }

    /// libpng's error text from a `png_image` (a NUL-terminated `char[64]`).
    static func message(of header: png_image) -> String {
        withUnsafeBytes(of: header.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
