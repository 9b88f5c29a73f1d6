#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file atomically: the bytes go to a new temporary file in the destination's directory,
/// are flushed to disk, and the temporary file is renamed over the destination. Readers see either
/// the old file or the complete new one; on any failure the temporary file is removed and the
/// destination is untouched.
enum AtomicFileWriter {
    static func write(_ bytes: [UInt8], to path: String) throws {
        func fail(_ what: String, _ code: Int32 = errno) -> ImageFileError {
            ImageFileError(path: path, reason: "\(what): \(String(cString: strerror(code)))")
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw ImageFileError(path: path, reason: "not a file name") }
        let temporary = "\(directory).\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"

        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw fail("cannot create a temporary file beside it") }
        var succeeded = false
        defer { if !succeeded { unlink(temporary) } }

        var written = 0
        let writeError: Int32? = bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = writeBytes(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += count
            }
            return nil
        }
        if let code = writeError { close(descriptor); throw fail("write failed", code) }
        guard fsync(descriptor) == 0 else { let code = errno; close(descriptor); throw fail("fsync failed", code) }
        guard close(descriptor) == 0 else { throw fail("close failed") }
        guard rename(temporary, path) == 0 else { throw fail("cannot rename the temporary file into place") }
        succeeded = true
    }
}

/// POSIX `write(2)` (a free function, so the name is not shadowed by `AtomicFileWriter.write`).
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
