import Foundation
import Tensor

/// A memory-mapped `.safetensors` file whose header has been validated.
///
/// Opening reads only the header; tensor data is paged in when a tensor is read. fp32 tensors
/// come back zero-copy: their `TensorStorage` borrows the mapping and keeps it alive, so the
/// file stays mapped as long as any such tensor exists. The mapping is private and writable
/// (copy-on-write), so writing into a borrowed tensor changes this process's copy only.
/// Borrowed storage is 4-byte aligned, not 64-byte aligned like `TensorStorage(count:)`.
///
/// Reading is done only through this type, so every byte read lies inside a validated range.
/// (If another process truncates the file while it is mapped, touching the lost pages raises
/// SIGBUS; no reader of a mapped file can prevent that.)
public final class SafeTensorsFile: @unchecked Sendable {
    public let url: URL
    /// How the file is named in errors (its last path component unless given).
    public let displayName: String
    /// The header's `__metadata__` (empty when absent).
    public let metadata: [String: String]
    /// Every tensor in the header, by name, including those of dtypes Easel cannot read.
    public let entries: [String: SafeTensorsEntry]

    private let mapping: MemoryMappedFile
    private let dataStart: Int
    /// Where the data section starts in the file.
    var dataOffset: Int { dataStart }

    public init(url: URL, displayName: String? = nil) throws {
        self.url = url
        self.displayName = displayName ?? url.lastPathComponent
        mapping = try MemoryMappedFile(url: url, displayName: self.displayName)
        let header = try SafeTensorsHeader(fileBytes: mapping.bytes, file: self.displayName)
        metadata = header.metadata
        entries = header.entries
        dataStart = header.dataStart
    }

    /// Tensor names in sorted order.
    public var names: [String] { entries.keys.sorted() }

    /// The validated header entry, or a missing-tensor error naming `name`.
    public func entry(_ name: String) throws -> SafeTensorsEntry {
        guard let entry = entries[name] else { throw error(name, .missingTensor) }
        return entry
    }

    /// Reads a floating-point tensor as fp32: F32 borrows the mapping (copied only if the
    /// data is not 4-byte aligned in the file), F16 and BF16 are widened into new storage.
    public func tensor(_ name: String) throws -> Tensor {
        let entry = try entry(name)
        let source = mapping.base + dataStart + entry.dataRange.lowerBound
        let count = entry.elementCount
        switch entry.dtype {
        case .f32:
            if Int(bitPattern: source) % MemoryLayout<Float>.alignment == 0 {
                let floats = UnsafeMutablePointer(mutating: source.assumingMemoryBound(to: Float.self))
                return Tensor(shape: entry.shape, storage: TensorStorage(borrowing: floats, count: count, keeper: mapping))
            }
            let tensor = Tensor(zeros: entry.shape)
            UnsafeMutableRawPointer(tensor.pointer).copyMemory(from: source, byteCount: count * 4)
            return tensor
        case .f16:
            let tensor = Tensor(zeros: entry.shape)
            HalfPrecision.widenFloat16(source, into: tensor.pointer, count: count)
            mapping.release(dataStart + entry.dataRange.lowerBound ..< dataStart + entry.dataRange.upperBound)
            return tensor
        case .bf16:
            let tensor = Tensor(zeros: entry.shape)
            HalfPrecision.widenBFloat16(source, into: tensor.pointer, count: count)
            mapping.release(dataStart + entry.dataRange.lowerBound ..< dataStart + entry.dataRange.upperBound)
            return tensor
        case .i64, .other:
            throw error(name, .unsupportedDType("\(entry.dtype.code) (expected F32, F16 or BF16)"))
        }
    }

    /// An F16 or BF16 tensor as it is stored, borrowing the mapping (nothing is read or copied
    /// until it is used; `HalfWeights.releaseFilePages` hands its pages back); nil for any
    /// other dtype (F32 tensors are borrowed as fp32 by `tensor`).
    public func halfWeights(_ name: String) throws -> HalfWeights? {
        let entry = try entry(name)
        let format: HalfWeights.Format
        switch entry.dtype {
        case .f16: format = .float16
        case .bf16: format = .bfloat16
        default: return nil
        }
        return HalfWeights(borrowing: mapping.base + dataStart + entry.dataRange.lowerBound, format: format,
                           shape: entry.shape, keeper: mapping)
    }

    /// Reads an I64 tensor (little-endian in the file), flattened.
    public func int64s(_ name: String) throws -> [Int64] {
        let entry = try entry(name)
        guard entry.dtype == .i64 else {
            throw error(name, .unsupportedDType("\(entry.dtype.code) (expected I64)"))
        }
        let source = mapping.base + dataStart + entry.dataRange.lowerBound
        return (0..<entry.elementCount).map {
            Int64(littleEndian: source.loadUnaligned(fromByteOffset: $0 * 8, as: Int64.self))
        }
    }

    private func error(_ name: String, _ reason: SafeTensorsError.Reason) -> SafeTensorsError {
        SafeTensorsError(file: displayName, tensor: name, reason: reason)
    }
}
