#if canImport(Glibc)
import Glibc
#endif

/// Contiguous fp32 storage. It either owns its memory, borrows it from a keeper object (for
/// example a memory-mapped checkpoint) that outlives every view, or rents it from a
/// `BufferPool` and hands it back there when the last view goes away.
public final class TensorStorage: @unchecked Sendable {
    public let base: UnsafeMutablePointer<Float>
    public let count: Int
    private let keeper: AnyObject?
    private let pool: BufferPool?

    /// Allocates `count` zeroed floats, 64-byte aligned for SIMD kernels.
    public init(count: Int) {
        base = TensorStorage.allocate(count: count)
        base.initialize(repeating: 0, count: max(count, 1))
        self.count = count
        keeper = nil
        pool = nil
    }

    /// Allocates `count` floats whose contents are unspecified (for outputs written in full).
    public init(uninitializedCount count: Int) {
        base = TensorStorage.allocate(count: count)
        self.count = count
        keeper = nil
        pool = nil
    }

    /// Wraps memory owned by `keeper`; nothing is copied or freed here.
    public init(borrowing base: UnsafeMutablePointer<Float>, count: Int, keeper: AnyObject) {
        self.base = base
        self.count = count
        self.keeper = keeper
        pool = nil
    }

    /// Wraps a buffer rented from `pool` (contents unspecified); it returns there on deinit.
    init(rented base: UnsafeMutablePointer<Float>, count: Int, pool: BufferPool) {
        self.base = base
        self.count = count
        keeper = nil
        self.pool = pool
    }

    /// Uninitialised, 64-byte aligned memory for `count` floats (at least one). Buffers of
    /// 2 MiB or more are 2 MiB aligned and marked for transparent huge pages
    /// (`MADV_HUGEPAGE`), so first touching a 256 MiB activation takes 128 page faults rather
    /// than 65 536, and GEMM packing walks far fewer TLB entries.
    static func allocate(count: Int) -> UnsafeMutablePointer<Float> {
        let bytes = max(count, 1) * 4
        let huge = 2 << 20
        guard bytes >= huge else {
            return UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
                .bindMemory(to: Float.self, capacity: max(count, 1))
        }
        let raw = UnsafeMutableRawPointer.allocate(byteCount: (bytes + huge - 1) / huge * huge, alignment: huge)
        _ = madvise(raw, (bytes + huge - 1) / huge * huge, MADV_HUGEPAGE)
        return raw.bindMemory(to: Float.self, capacity: count)
    }

    deinit {
        if let pool {
            pool.giveBack(base, count: count)
        } else if keeper == nil {
            UnsafeMutableRawPointer(base).deallocate()
        }
    }
}

/// A dense, row-major fp32 tensor: a shape plus shared storage.
public struct Tensor: @unchecked Sendable {
    public var shape: [Int]
    public let storage: TensorStorage

    public var count: Int { shape.reduce(1, *) }
    public var pointer: UnsafeMutablePointer<Float> { storage.base }

    public init(zeros shape: [Int]) {
        self.shape = shape
        storage = TensorStorage(count: shape.reduce(1, *))
    }

    /// A tensor whose contents are unspecified, for outputs that are written in full. Its
    /// memory comes from `BufferPool.current` when a pool is active on this thread.
    public init(uninitialized shape: [Int]) {
        self.shape = shape
        let count = shape.reduce(1, *)
        if let pool = BufferPool.current {
            storage = pool.rent(count: count)
        } else {
            storage = TensorStorage(uninitializedCount: count)
        }
    }

    public init(shape: [Int], storage: TensorStorage) {
        precondition(shape.reduce(1, *) <= storage.count, "shape \(shape) exceeds storage \(storage.count)")
        self.shape = shape
        self.storage = storage
    }

    public init(shape: [Int], values: [Float]) {
        precondition(shape.reduce(1, *) == values.count, "shape \(shape) does not hold \(values.count) values")
        self.init(zeros: shape)
        values.withUnsafeBufferPointer { storage.base.update(from: $0.baseAddress!, count: values.count) }
    }

    /// The same storage seen with another shape of equal element count.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        precondition(newShape.reduce(1, *) == count, "cannot reshape \(shape) to \(newShape)")
        return Tensor(shape: newShape, storage: storage)
    }

    public var values: [Float] { Array(UnsafeBufferPointer(start: storage.base, count: count)) }

    /// A fresh tensor with the same shape and values (pooled when a pool is active).
    public func copy() -> Tensor {
        let out = Tensor(uninitialized: shape)
        out.pointer.update(from: pointer, count: count)
        return out
    }

    /// Largest absolute value (0 for an empty tensor).
    public var maxMagnitude: Float {
        var m: Float = 0
        for i in 0..<count { m = max(m, abs(pointer[i])) }
        return m
    }
}
