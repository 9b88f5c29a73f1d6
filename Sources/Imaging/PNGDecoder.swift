import CPNG

/// Decodes PNG files: the chunk structure and text chunks are checked and read here, the pixels by
/// libpng's simplified read API (`png_image_finish_read`), which handles every colour type and bit
/// depth and reports errors by return value.
public enum PNGDecoder {
    /// Images with more pixels than this are refused instead of allocated (8192 × 8192).
    public static let maximumPixelCount = 8192 * 8192

    /// Pixels (converted to 8-bit RGB; an alpha channel is kept apart, not composited) and text.
    /// `path` only names the file in errors.
    public static func decode(_ bytes: [UInt8], path: String = "<memory>") throws -> PNGContents {
        let chunks = try PNGChunkReader.chunks(in: bytes, path: path)
        let text = try textEntries(in: chunks, path: path)
        let (image, alpha) = try pixels(of: bytes, path: path)
        return PNGContents(image: image, text: text, alpha: alpha)
    }

    /// Only the text chunks (no pixel decoding), for reading metadata quickly.
    public static func decodeText(_ bytes: [UInt8], path: String = "<memory>") throws -> [String: String] {
        try textEntries(in: PNGChunkReader.chunks(in: bytes, path: path), path: path)
    }

    static func textEntries(in chunks: [PNGChunk], path: String) throws -> [String: String] {
        var text: [String: String] = [:]
        for chunk in chunks {
            if let (key, value) = try PNGTextChunk.decode(chunk, path: path) { text[key] = value }
        }
        return text
    }

    private static func pixels(of bytes: [UInt8], path: String) throws -> (RGBImage, GrayImage?) {
        try bytes.withUnsafeBytes { memory in
            var header = png_image()
            header.version = png_uint_32(PNG_IMAGE_VERSION)
            guard png_image_begin_read_from_memory(&header, memory.baseAddress, memory.count) != 0 else {
                throw ImageFileError(path: path, reason: "not a readable PNG (\(PNGEncoder.message(of: header)))")
            }
            let width = Int(header.width), height = Int(header.height)
            guard width > 0, height > 0, width * height <= maximumPixelCount else {
                png_image_free(&header)
                throw ImageFileError(path: path, reason: "image size \(width)×\(height) is over the "
                                     + "\(maximumPixelCount)-pixel limit")
            }
            let hasAlpha = header.format & png_uint_32(PNG_FORMAT_FLAG_ALPHA) != 0
            let channels = hasAlpha ? 4 : 3
            header.format = png_uint_32(PNG_FORMAT_RGB) | (hasAlpha ? png_uint_32(PNG_FORMAT_FLAG_ALPHA) : 0)
            // 16-bit files without gAMA/sRGB are sRGB-encoded in practice (Pillow assumes so too);
            // without this flag libpng would treat them as linear light.
            header.flags |= png_uint_32(PNG_IMAGE_FLAG_16BIT_sRGB)
            var decoded = [UInt8](repeating: 0, count: width * height * channels)
            let ok = decoded.withUnsafeMutableBytes { buffer in
                png_image_finish_read(&header, nil, buffer.baseAddress, png_int_32(width * channels), nil)
            }
            guard ok != 0 else {
                throw ImageFileError(path: path, reason: "corrupt PNG image data (\(PNGEncoder.message(of: header)))")
            }
            let alpha = hasAlpha ? GrayImage(validatedWidth: width, height: height,
                                             pixels: stride(from: 3, to: decoded.count, by: 4).map { decoded[$0] }) : nil
            if hasAlpha { decoded = dropAlpha(decoded) }
            return (try RGBImage(width: width, height: height, pixels: decoded), alpha)
        }
    }

    private static func dropAlpha(_ rgba: [UInt8]) -> [UInt8] {
        var rgb = [UInt8](repeating: 0, count: rgba.count / 4 * 3)
        for pixel in 0..<(rgba.count / 4) {
            rgb[pixel * 3] = rgba[pixel * 4]
            rgb[pixel * 3 + 1] = rgba[pixel * 4 + 1]
            rgb[pixel * 3 + 2] = rgba[pixel * 4 + 2]
        }
        return rgb
    }
}
