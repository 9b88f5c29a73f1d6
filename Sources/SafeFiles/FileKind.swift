#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What is at a path, read with `lstat(2)` so a symbolic link is seen as itself, never as
/// what it points to.
public enum FileKind: Equatable, Sendable {
    case missing
    case regular
    case directory
    case symbolicLink
    /// A device node, FIFO or socket.
    case special

    public init(atPath path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            self = .missing
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symbolicLink
        default: self = .special
        }
    }

    /// Why Easel will not replace or delete this, or nil for a regular file or nothing.
    public var refusal: String? {
        switch self {
        case .missing, .regular: nil
        case .directory: "is a folder, not a file Easel writes"
        case .symbolicLink: "is a symbolic link; Easel replaces files by renaming and will not replace a link (name the file it points to)"
        case .special: "is a device, FIFO or socket, not a regular file"
        }
    }
}
