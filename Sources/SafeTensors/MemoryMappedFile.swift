#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Tensor

/// A whole file mapped copy-on-write (`MAP_PRIVATE`). Pages are read from disk on first touch;
/// a write through a borrowed pointer changes only this process's copy, never the file.
/// The mapping lives as long as this object, so tensors that borrow it keep it as their keeper.
final class MemoryMappedFile: PageReleasing, @unchecked Sendable {
    let base: UnsafeRawPointer
    let size: Int
    private let mappedSize: Int

    /// Maps `url`; `displayName` names the file in errors.
    init(url: URL, displayName: String) throws {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Self.failure(displayName, "open") }
        defer { close(fd) }

        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Self.failure(displayName, "fstat") }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw SafeTensorsError(file: displayName, reason: .cannotOpen("not a regular file"))
        }
        size = Int(info.st_size)
        // mmap refuses a zero length; map one page so that `base` is valid, and let the
        // header check report the empty file as truncated.
        mappedSize = max(size, 1)
        let pointer = mmap(nil, mappedSize, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0)
        guard let pointer, pointer != MAP_FAILED else { throw Self.failure(displayName, "mmap") }
        base = UnsafeRawPointer(pointer)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), mappedSize)
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: size) }

    /// Tells the kernel the whole pages inside `range` (byte offsets) are not needed now
    /// (`MADV_DONTNEED`), so they leave this process's resident memory. Only pages entirely
    /// inside the range are released; nothing was written to them, so a later read simply
    /// faults them in again from the file. Used after a half-precision tensor has been
    /// widened into its own storage, so loading an fp16 checkpoint does not keep the file's
    /// pages resident on top of the widened weights.
    func release(_ range: Range<Int>) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = range.upperBound / page * page
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
    }

    /// `release` for the bytes at `start` (inside this mapping): how half-stored weights that
    /// borrow the mapping hand their pages back (`HalfWeights.releaseFilePages`).
    func releasePages(_ start: UnsafeRawPointer, byteCount: Int) {
        let offset = start - base
        precondition(offset >= 0 && offset + byteCount <= size, "releasePages: outside the mapping")
        release(offset ..< offset + byteCount)
    }

    private static func failure(_ file: String, _ call: String) -> SafeTensorsError {
        let message = String(cString: strerror(errno))
        return SafeTensorsError(file: file, reason: .cannotOpen("\(call): \(message)"))
    }
}
