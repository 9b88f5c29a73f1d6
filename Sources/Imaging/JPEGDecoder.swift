import CTurboJPEG

/// Decodes JPEG bytes to RGB through libjpeg-turbo's TurboJPEG API (`tjDecompressHeader3`,
/// `tjDecompress2`), which reports errors by return value. Used for ComfyUI's live previews,
/// which the server always sends as JPEG (`latent_preview.py`, `preview_format = "JPEG"`).
public enum JPEGDecoder {
    public static func decode(_ bytes: [UInt8], path: String = "<memory>") throws -> RGBImage {
        guard let handle = tjInitDecompress() else { throw ImageFileError(path: path, reason: "cannot start a JPEG decoder") }
        defer { tjDestroy(handle) }
        var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colourspace: Int32 = 0
        let header = bytes.withUnsafeBufferPointer { buffer in
            tjDecompressHeader3(handle, buffer.baseAddress, UInt(buffer.count), &width, &height, &subsampling, &colourspace)
        }
        guard header == 0, width > 0, height > 0, Int(width) * Int(height) <= PNGDecoder.maximumPixelCount else {
            throw ImageFileError(path: path, reason: "not a JPEG image this decoder reads (\(message(handle)))")
        }
        var pixels = [UInt8](repeating: 0, count: Int(width) * Int(height) * 3)
        let status = bytes.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { target in
                tjDecompress2(handle, source.baseAddress, UInt(source.count), target.baseAddress,
                              width, 0, height, Int32(TJPF_RGB.rawValue), 0)
            }
        }
        guard status == 0 else { throw ImageFileError(path: path, reason: "JPEG decoding failed (\(message(handle)))") }
        return RGBImage(validatedWidth: Int(width), height: Int(height), pixels: pixels)
    }

    private static func message(_ handle: tjhandle) -> String {
        tjGetErrorStr2(handle).map { String(cString: $0) } ?? "unknown error"
    }
}
