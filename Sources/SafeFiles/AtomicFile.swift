import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way Easel writes a user's file (presets, styles.csv, PNGs, caches): the bytes go to a
/// temporary file in the destination's folder (named by `TemporaryFiles`), are flushed to disk,
/// and the temporary file is renamed over the destination. Readers see the old file or the
/// complete new one; on any failure the temporary file is removed and the destination is untouched.
///
/// Rules (issue 17):
/// - only a regular file is replaced: a folder, a device, a FIFO or a symbolic link at the
///   destination is refused with the reason (`FileKind.refusal`). Writing *through* a symbolic
///   link is not allowed either: `rename(2)` would replace the link itself, so the user would lose
///   the link and the file it names would stay as it was. Links to folders along the path are
///   followed as usual.
/// - a missing folder is created only for Easel's own folders (`.createIfMissing`: presets,
///   outputs, caches); for a path the user typed (`.mustExist`) it is an error.
/// - stale temporary files in the folder are removed first (`TemporaryFiles.removeStale`).
public enum AtomicFile {
    public enum Folder: Sendable {
        /// The folder is part of a path the user typed: it must already exist.
        case mustExist
        /// Easel's own folder: created, with its parents, when missing.
        case createIfMissing
    }

    public static func write(_ data: Data, to path: String, folder: Folder = .mustExist) throws {
        try write([UInt8](data), to: path, folder: folder)
    }

    public static func write(_ bytes: [UInt8], to path: String, folder: Folder = .mustExist) throws {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty, name != ".", name != ".." else { throw FileError(path: path, reason: "not a file name") }
        if let refusal = FileKind(atPath: path).refusal { throw FileError(path: path, reason: refusal) }
        try prepare(folder: directory, mode: folder, for: path)
        TemporaryFiles.removeStale(in: directory)
        try writeAndRename(bytes, directory: directory, name: name, path: path)
    }

    private static func prepare(folder directory: String, mode: Folder, for path: String) throws {
        let folder = directory.isEmpty ? "." : directory
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw FileError(path: path, reason: "'\(folder)' is not a folder") }
            return
        }
        guard mode == .createIfMissing else {
            throw FileError(path: path, reason: "folder '\(folder)' does not exist")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw FileError(path: path, reason: "cannot create folder '\(folder)'")
        }
    }

    private static func writeAndRename(_ bytes: [UInt8], directory: String, name: String, path: String) throws {
        func fail(_ what: String, _ code: Int32 = errno) -> FileError {
            FileError(path: path, reason: "\(what): \(String(cString: strerror(code)))")
        }
        let temporary = directory + TemporaryFiles.name(for: name)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw fail("cannot create a temporary file beside it") }
        var succeeded = false
        defer { if !succeeded { unlink(temporary) } }
        if let code = writeAll(bytes, to: descriptor) { close(descriptor); throw fail("write failed", code) }
        guard fsync(descriptor) == 0 else { let code = errno; close(descriptor); throw fail("fsync failed", code) }
        guard close(descriptor) == 0 else { throw fail("close failed") }
        // Checked again just before the rename: something may have appeared meanwhile.
        if let refusal = FileKind(atPath: path).refusal { throw FileError(path: path, reason: refusal) }
        guard rename(temporary, path) == 0 else { throw fail("cannot rename the temporary file into place") }
        succeeded = true
    }

    /// Writes every byte, retrying on EINTR; returns errno on failure.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let count = systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += count
            }
            return nil
        }
    }
}

/// POSIX `write(2)` (a free function, so the name is not shadowed by `AtomicFile.write`).
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
