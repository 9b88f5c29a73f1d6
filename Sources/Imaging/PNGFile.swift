import Foundation
import SafeFiles

/// Reading and writing PNG files on disk.
public enum PNGFile {
    /// Files larger than this are refused before reading (1 GiB).
    public static let maximumFileSize = 1 << 30

    /// Writes `image` with `text` chunks (in order) to `url`, atomically: the file appears complete
    /// or not at all (see ``PNGEncoder`` for the format, `SafeFiles.AtomicFile` for the rules:
    /// only a regular file is replaced; a missing folder is created only with `.createIfMissing`).
    public static func write(_ image: RGBImage, text: [(key: String, value: String)] = [], to url: URL,
                             folder: AtomicFile.Folder = .mustExist) throws {
        let bytes = try PNGEncoder.encode(image, text: text, path: url.path)
        try AtomicFile.write(bytes, to: url.path, folder: folder)
    }

    /// Same, with the text given as a dictionary (written in key order).
    public static func write(_ image: RGBImage, text: [String: String], to url: URL) throws {
        try write(image, text: PNGTextChunk.inKeyOrder(text), to: url)
    }

    /// The pixels (as 8-bit RGB) and text chunks of the PNG at `url`.
    public static func read(from url: URL) throws -> PNGContents {
        try PNGDecoder.decode(readBytes(url), path: url.path)
    }

    /// Only the text chunks of the PNG at `url` (the pixels are not decoded).
    public static func readText(from url: URL) throws -> [String: String] {
        try PNGDecoder.decodeText(readBytes(url), path: url.path)
    }

    private static func readBytes(_ url: URL) throws -> [UInt8] {
        let path = url.path
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw ImageFileError(path: path, reason: FileManager.default.fileExists(atPath: path)
                                 ? "cannot read the file" : "no such file")
        }
        if attributes[.type] as? FileAttributeType == .typeDirectory {
            throw ImageFileError(path: path, reason: "is a directory, not a PNG file")
        }
        if let size = attributes[.size] as? Int, size > maximumFileSize {
            throw ImageFileError(path: path, reason: "file is \(size) bytes, over the \(maximumFileSize)-byte limit")
        }
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            throw ImageFileError(path: path, reason: "cannot read the file (\(error.localizedDescription))")
        }
    }
}
