import Foundation

/// Writes a file atomically: a temporary file in the same directory, then `rename(2)`, so a
/// reader sees the old file or the new one, never half of one.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw PromptKitError.badFile(location: url.path, reason: "cannot write: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if error is PromptKitError { throw error }
            throw PromptKitError.badFile(location: url.path, reason: "cannot write: \(error.localizedDescription)")
        }
    }
}
