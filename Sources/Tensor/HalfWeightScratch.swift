import Foundation

/// The one fp32 buffer every half-stored weight (`HalfWeights`) is widened into before its
/// product: sized for the largest half weight built so far, allocated at its first use and
/// freed by `release()` (the pipeline calls it at the end of each generation), so a generation
/// holds one widened weight at a time (118 MB for SDXL's largest, a 2560 → 1280 3×3
/// convolution) instead of an fp32 copy of every weight. A lock makes concurrent users take
/// turns (kernels run one at a time, `OpProfile`, so normally nobody waits).
public final class HalfWeightScratch: @unchecked Sendable {
    public static let shared = HalfWeightScratch()

    private let lock = NSLock()
    private var buffer: TensorStorage?
    private var largest = 0
    /// Times the buffer was allocated (tests check it stays one per generation).
    public private(set) var allocations = 0

    /// Notes a half weight of `count` values, so the buffer, when next allocated, fits it.
    public func expect(_ count: Int) {
        lock.lock(); defer { lock.unlock() }
        largest = max(largest, count)
    }

    /// Floats the buffer holds now (0 when released).
    public var capacity: Int {
        lock.lock(); defer { lock.unlock() }
        return buffer?.count ?? 0
    }

    /// Frees the buffer; the next product allocates it again.
    public func release() {
        lock.lock(); defer { lock.unlock() }
        buffer = nil
    }

    func withWidened<T>(_ weight: HalfWeights, _ body: (Tensor) -> T) -> T {
        lock.lock(); defer { lock.unlock() }
        if (buffer?.count ?? 0) < weight.count {
            buffer = nil
            buffer = TensorStorage(uninitializedCount: max(largest, weight.count))
            allocations += 1
        }
        let storage = buffer!
        OpProfile.measure(.widenWeights) { weight.widen(into: storage.base) }
        let view = Tensor(shape: weight.shape, storage: TensorStorage(borrowing: storage.base, count: weight.count,
                                                                      keeper: storage))
        return body(view)
    }
}
