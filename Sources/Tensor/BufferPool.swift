import Foundation

/// Recycles activation buffers between forward passes. A model activates its pool around a
/// call (`pool.activate { ... }`); inside, `Tensor(uninitialized:)` rents memory from it, and
/// storage goes back to the pool when its last tensor is released. A network run with the
/// same shapes again (the next sampling step) then allocates nothing. `trim()` frees the
/// buffers it holds, for example when a generation ends.
public final class BufferPool: @unchecked Sendable {
    @TaskLocal public static var current: BufferPool?

    private let lock = NSLock()
    private var free: [Int: [UnsafeMutablePointer<Float>]] = [:]
    private var heldFloats = 0

    public init() {}

    deinit {
        for (count, buffers) in free {
            for buffer in buffers { TensorStorage.deallocate(buffer, count: count) }
        }
    }

    /// Runs `body` with this pool as the allocator for `Tensor(uninitialized:)`.
    public func activate<T>(_ body: () throws -> T) rethrows -> T {
        try BufferPool.$current.withValue(self, operation: body)
    }

    /// Floats currently kept for reuse (not counting buffers in use).
    public var heldCount: Int {
        lock.lock(); defer { lock.unlock() }
        return heldFloats
    }

    /// Frees every buffer kept for reuse. Buffers in use come back later as usual.
    public func trim() {
        lock.lock()
        let buffers = free
        free = [:]
        heldFloats = 0
        lock.unlock()
        for (count, list) in buffers {
            for buffer in list { TensorStorage.deallocate(buffer, count: count) }
        }
    }

    func rent(count: Int) -> TensorStorage {
        lock.lock()
        let reused = free[count]?.popLast()
        if reused != nil { heldFloats -= count }
        lock.unlock()
        let base = reused ?? TensorStorage.allocate(count: count)
        return TensorStorage(rented: base, count: count, pool: self)
    }

    func giveBack(_ base: UnsafeMutablePointer<Float>, count: Int) {
        lock.lock()
        free[count, default: []].append(base)
        heldFloats += count
        lock.unlock()
    }
}
