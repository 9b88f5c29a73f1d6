#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Deleting a file Easel wrote: only a regular file is removed, never a folder (so never a tree),
/// a symbolic link, a device, a FIFO or a socket.
public enum RegularFile {
    public static func remove(atPath path: String) throws {
        let kind = FileKind(atPath: path)
        if kind == .missing { throw FileError(path: path, reason: "no such file") }
        if let refusal = kind.refusal { throw FileError(path: path, reason: "not deleted: it \(refusal)") }
        guard unlink(path) == 0 else {
            throw FileError(path: path, reason: "cannot delete: \(String(cString: strerror(errno)))")
        }
    }
}
