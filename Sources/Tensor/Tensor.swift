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

    /// Uninitialised, 64-byte aligned memory for `count` floats (at least one); release it
    /// with `deallocate(_:count:)`. Buffers of 2 MiB or more are mapped directly (2 MiB aligned,
    /// `MADV_HUGEPAGE`): first touching a 256 MiB activation then takes 128 page faults rather
    /// than 65 536, and freeing one returns its memory to the system at once (malloc would keep
    /// buffers under its 32 MiB mmap threshold in its heap, where they stay resident).
    static func allocate(count: Int) -> UnsafeMutablePointer<Float> {
        let bytes = max(count, 1) * 4
        guard bytes >= hugePage, let mapped = mapAligned(bytes) else {
            return UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
                .bindMemory(to: Float.self, capacity: max(count, 1))
        }
        return mapped.bindMemory(to: Float.self, capacity: count)
    }

    /// Frees memory from `allocate(count:)` with the same `count`.
    static func deallocate(_ base: UnsafeMutablePointer<Float>, count: Int) {
        let bytes = max(count, 1) * 4
        if bytes >= hugePage, mappedBuffers.remove(UnsafeMutableRawPointer(base)) {
            munmap(UnsafeMutableRawPointer(base), mappedLength(bytes))
        } else {
            UnsafeMutableRawPointer(base).deallocate()
        }
    }

    private static let hugePage = 2 << 20
    /// Addresses handed out by `mapAligned`, so `deallocate` knows how each was made.
    private static let mappedBuffers = AddressSet()

    private static func mappedLength(_ bytes: Int) -> Int { (bytes + 4095) / 4096 * 4096 }

    /// `bytes` of fresh zero pages at a 2 MiB boundary, marked for huge pages; nil if mmap fails.
    private static func mapAligned(_ bytes: Int) -> UnsafeMutableRawPointer? {
        let length = mappedLength(bytes)
        guard let raw = mmap(nil, length + hugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              raw != MAP_FAILED else { return nil }
        let start = Int(bitPattern: raw), aligned = (start + hugePage - 1) / hugePage * hugePage
        if aligned > start { munmap(raw, aligned - start) }
        let tail = start + length + hugePage - (aligned + length)
        if tail > 0 { munmap(UnsafeMutableRawPointer(bitPattern: aligned + length), tail) }
        let base = UnsafeMutableRawPointer(bitPattern: aligned)!
        _ = madvise(base, length / hugePage * hugePage, MADV_HUGEPAGE)
        mappedBuffers.insert(base)
        return base
    }

    deinit {
        if let pool {
            pool.giveBack(base, count: count)
        } else if keeper == nil {
            TensorStorage.deallocate(base, count: count)
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
