import Foundation

/// A flag one thread sets and another polls: how a running job is asked to stop. Engines
/// check it before every model evaluation (or poll their server), so a job stops within one step.
public final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    public func cancel() {
        lock.lock(); cancelled = true; lock.unlock()
    }

    public var isCancelled: Bool {
        lock.lock(); defer { lock.unlock() }
        return cancelled
    }

    /// Throws `EngineError.cancelled` once the flag is set.
    public func check() throws {
        if isCancelled { throw EngineError.cancelled }
    }
}
