import Foundation

/// Spreads loops over the CPU cores. Work is cut into one contiguous range per core, so each
/// element is always computed by the same code in the same order and results do not depend on
/// scheduling.
public enum Parallel {
    /// Number of workers: the active processor count.
    public static let workerCount = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Calls `body` with disjoint ranges covering `0..<count`, in parallel when `count` is at
    /// least `minimumPerWorker * 2`. `body` must not allocate pooled tensors.
    public static func forEachRange(
        _ count: Int, minimumPerWorker: Int = 1, _ body: (Range<Int>) -> Void
    ) {
        guard count > 0 else { return }
        let workers = min(workerCount, max(1, count / max(1, minimumPerWorker)))
        if workers <= 1 {
            body(0..<count)
            return
        }
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let start = count * w / workers
            let end = count * (w + 1) / workers
            if start < end { body(start..<end) }
        }
    }

    /// Least work, in floats touched, worth handing to a second core. A parallel loop costs
    /// a dispatch (tens of microseconds when the other core is busy), which smaller loops do
    /// not repay: the demo model's 8×8-latent layers were slower split in two.
    public static let minimumFloatsPerWorker = 1 << 16

    /// `forEachRange` for items of `floatsPerItem` floats each: parallel only when every worker
    /// gets at least `minimumFloatsPerWorker` of them.
    public static func forEachRange(_ count: Int, floatsPerItem: Int, _ body: (Range<Int>) -> Void) {
        forEachRange(count, minimumPerWorker: max(1, minimumFloatsPerWorker / max(floatsPerItem, 1)), body)
    }

    /// `forEach` for items of `floatsPerItem` floats each, with `forEachRange`'s threshold.
    public static func forEachItem(_ count: Int, floatsPerItem: Int, _ body: (Int) -> Void) {
        forEachRange(count, floatsPerItem: floatsPerItem) { range in
            for i in range { body(i) }
        }
    }

    /// Calls `body` with `chunks` contiguous ranges covering `0..<count` (fewer when `count` is
    /// smaller), handed out to the workers as they become free. More chunks than workers keep
    /// both cores busy when one of them is taken by another process for a while (a static
    /// split then waits for the slower half). Chunk boundaries depend only on `count` and
    /// `chunks`, so results do not depend on scheduling.
    public static func forEachChunk(_ count: Int, chunks: Int, _ body: (Range<Int>) -> Void) {
        guard count > 0 else { return }
        let n = max(1, min(count, chunks))
        if n == 1 || workerCount == 1 {
            body(0..<count)
            return
        }
        DispatchQueue.concurrentPerform(iterations: n) { c in
            let start = count * c / n, end = count * (c + 1) / n
            if start < end { body(start..<end) }
        }
    }

    /// Calls `body(i)` for every `i` in `0..<count`, spread over the workers in contiguous
    /// blocks. Use it when each item is a sizeable piece of work (a channel, a row block).
    public static func forEach(_ count: Int, _ body: (Int) -> Void) {
        forEachRange(count) { range in
            for i in range { body(i) }
        }
    }
}
