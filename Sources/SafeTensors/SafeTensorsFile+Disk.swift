#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Tensor

extension SafeTensorsFile {
    /// Reads a floating-point tensor as fp32 from the file on disk (`pread`), never through
    /// the mapping: the values as stored, even where this process has written into a
    /// borrowed fp32 tensor (the mapping is copy-on-write, the file is not touched). LoRA
    /// merges restore and re-merge layers from here instead of keeping backups in memory.
    public func tensorFromDisk(_ name: String) throws -> Tensor {
        let entry = try entry(name)
        let elementSize: Int
        switch entry.dtype {
        case .f32: elementSize = 4
        case .f16, .bf16: elementSize = 2
        case .i64, .other:
            throw SafeTensorsError(file: displayName, tensor: name,
                                   reason: .unsupportedDType("\(entry.dtype.code) (expected F32, F16 or BF16)"))
        }
        let count = entry.elementCount
        let bytes = UnsafeMutableRawPointer.allocate(byteCount: max(count * elementSize, 1), alignment: 64)
        defer { bytes.deallocate() }
        try readFromDisk(into: bytes, count: count * elementSize, offset: dataOffset + entry.dataRange.lowerBound, name)
        let tensor = Tensor(uninitialized: entry.shape)
        switch entry.dtype {
        case .f32: tensor.pointer.update(from: bytes.assumingMemoryBound(to: Float.self), count: count)
        case .f16: HalfPrecision.widenFloat16(UnsafeRawPointer(bytes), into: tensor.pointer, count: count)
        default: HalfPrecision.widenBFloat16(UnsafeRawPointer(bytes), into: tensor.pointer, count: count)
        }
        return tensor
    }

    private func readFromDisk(into buffer: UnsafeMutableRawPointer, count: Int, offset: Int, _ name: String) throws {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SafeTensorsError(file: displayName, tensor: name, reason: .cannotOpen("open for re-reading")) }
        defer { close(fd) }
        var done = 0
        while done < count {
            let n = pread(fd, buffer + done, count - done, off_t(offset + done))
            guard n > 0 else {
                throw SafeTensorsError(file: displayName, tensor: name, reason: .cannotOpen("the file changed or shrank on disk"))
            }
            done += n
        }
    }
}
