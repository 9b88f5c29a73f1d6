import Foundation
import SafeFiles

/// A1111's "Model hash" (AutoV2): the first 10 hex digits of the sha256 of the whole file
/// (A1111 `modules/sd_models.py`, `CheckpointInfo.calculate_shorthash`). Hashing a 2 GB file takes
/// seconds, so results are cached in `$XDG_CACHE_HOME/easel/model-hashes.json`, keyed by the
/// file's path, size and modification time.
public enum ModelHash {
    struct Entry: Codable { var size: Int64; var mtime: Double; var sha256: String }

    public static var cacheFile: URL {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        return base.appendingPathComponent("easel/model-hashes.json")
    }

    /// The file whose hash stands for a model: the file itself, or a diffusers folder's
    /// `model_index.json`.
    public static func hashedFile(for model: URL) -> URL {
        var isDirectory: ObjCBool = false
        let folder = FileManager.default.fileExists(atPath: model.path, isDirectory: &isDirectory) && isDirectory.boolValue
        return folder ? model.appendingPathComponent("model_index.json") : model
    }

    /// The 10-digit short hash of `file`, from the cache when the file is unchanged.
    public static func shortHash(of file: URL, cache: URL = cacheFile) throws -> String {
        String(try sha256(of: file, cache: cache).prefix(10))
    }

    /// The full sha256 of `file` as lower-case hex, cached by path, size and mtime.
    public static func sha256(of file: URL, cache: URL = cacheFile) throws -> String {
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        let mtime = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        var table = (try? JSONDecoder().decode([String: Entry].self, from: Data(contentsOf: cache))) ?? [:]
        let key = file.standardizedFileURL.path
        if let hit = table[key], hit.size == size, hit.mtime == mtime { return hit.sha256 }
        let digest = try hashFile(file)
        table[key] = Entry(size: size, mtime: mtime, sha256: digest)
        try? writeAtomically(table, to: cache)
        return digest
    }

    /// Streams the file through SHA-256 in 4 MiB reads.
    static func hashFile(_ file: URL) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: file.path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: file.path])
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 4 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { hasher.update($0) }
        }
        return SHA256.hex(hasher.finalize())
    }

    private static func writeAtomically(_ table: [String: Entry], to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(encoder.encode(table), to: url.path, folder: .createIfMissing)   // Easel's cache folder
    }
}
