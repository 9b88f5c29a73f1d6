import Foundation
import SafeFiles

/// Reads and writes the user's JSON files (grids, presets) with one-line errors that name
/// the file and, where the JSON is broken, the line and column.
public enum JSONFile {
    /// Largest file read (1 MiB).
    public static let maximumFileBytes = 1 << 20

    public static func read<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        try decode(type, from: try readData(url), path: url.path)
    }

    /// The file's bytes, with "no such file" / "is a directory" / "too large" as one-line
    /// errors naming the file.
    static func readData(_ url: URL, limit: Int = maximumFileBytes) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw PromptKitError.badFile(location: url.path, reason: "no such file")
        }
        if isDirectory.boolValue { throw PromptKitError.badFile(location: url.path, reason: "is a directory") }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        if size > limit { throw PromptKitError.badFile(location: url.path, reason: "file is \(size) bytes; the limit is \(limit)") }
        do { return try Data(contentsOf: url) } catch {
            throw PromptKitError.badFile(location: url.path, reason: "cannot read (permission denied?)")
        }
    }

    /// Checks size, UTF-8 and JSON syntax (reporting `path:line:column`), then decodes,
    /// reporting a schema error with the key path and the line where that key appears.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, path: String) throws -> T {
        guard data.count <= maximumFileBytes else {
            throw PromptKitError.badFile(location: path, reason: "file is \(data.count) bytes; the limit is \(maximumFileBytes)")
        }
        if let offset = TextPosition.firstInvalidUTF8Offset(in: data) {
            throw PromptKitError.badFile(location: TextPosition.location(path, data, offset), reason: "invalid UTF-8")
        }
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let message = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            let offset = TextPosition.characterOffset(inJSONError: message) ?? data.count
            throw PromptKitError.badFile(location: TextPosition.location(path, data, offset),
                                         reason: "invalid JSON: \(TextPosition.strippingPosition(message))")
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            let (keyPath, reason) = describe(error)
            let line = TextPosition.line(ofKeyPath: keyPath, in: data)
            throw PromptKitError.badFile(location: line.map { "\(path):\($0)" } ?? path,
                                         reason: keyPath.isEmpty ? reason : "'\(keyPath.joined(separator: "."))': \(reason)")
        }
    }

    /// Pretty-printed JSON with sorted keys and a final newline, written atomically
    /// (`SafeFiles.AtomicFile`; `folder` says whether a missing folder may be created).
    public static func write<T: Encodable>(_ value: T, to url: URL, folder: AtomicFile.Folder = .mustExist) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        try writeAtomically(data, to: url, folder: folder)
    }

    /// `AtomicFile.write`, its error as a `PromptKitError.badFile` naming the file.
    static func writeAtomically(_ data: Data, to url: URL, folder: AtomicFile.Folder) throws {
        do {
            try AtomicFile.write(data, to: url.path, folder: folder)
        } catch let error as FileError {
            throw PromptKitError.badFile(location: error.path, reason: "cannot write: \(error.reason)")
        }
    }

    private static func describe(_ error: DecodingError) -> ([String], String) {
        func path(_ context: DecodingError.Context) -> [String] {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
        }
        switch error {
        case .typeMismatch(let type, let context):
            return (path(context), "expected \(readableName(type))")
        case .valueNotFound(let type, let context):
            return (path(context), "expected \(readableName(type)), found null")
        case .keyNotFound(let key, let context):
            return (path(context), "missing key '\(key.stringValue)'")
        case .dataCorrupted(let context):
            return (path(context), context.debugDescription)
        @unknown default:
            return ([], "\(error)")
        }
    }

    private static func readableName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Double.Type, is Float.Type: return "a number"
        case is Int.Type, is UInt64.Type: return "a whole number"
        case is Bool.Type: return "true or false"
        default: return "\(type)".contains("Array") ? "a list" : "an object"
        }
    }
}
