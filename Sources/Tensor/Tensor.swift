/// Contiguous fp32 storage. It either owns its memory or borrows it from a keeper
/// object (for example a memory-mapped checkpoint) that outlives every view.
public final class TensorStorage: @unchecked Sendable {
    public let base: UnsafeMutablePointer<Float>
    public let count: Int
    private let keeper: AnyObject?

    /// Allocates `count` zeroed floats, 64-byte aligned for SIMD kernels.
    public init(count: Int) {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) * 4, alignment: 64)
        base = raw.bindMemory(to: Float.self, capacity: max(count, 1))
        base.initialize(repeating: 0, count: max(count, 1))
        self.count = count
        keeper = nil
    }

    /// Wraps memory owned by `keeper`; nothing is copied or freed here.
    public init(borrowing base: UnsafeMutablePointer<Float>, count: Int, keeper: AnyObject) {
        self.base = base
        self.count = count
        self.keeper = keeper
    }

    deinit {
        if keeper == nil { UnsafeMutableRawPointer(base).deallocate() }
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
}
