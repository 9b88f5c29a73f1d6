import Foundation

/// Optional wall-clock accounting of the engine's kernels, switched on by setting the
/// environment variable `EASEL_PROFILE=1`. Kernels are called from one thread at a time
/// (they parallelise inside), so their wall-clock times add up to the time spent in them.
public enum OpProfile {
    public enum Kind: String, CaseIterable, Sendable {
        case convolutionGEMM, attentionGEMM, linearGEMM, im2col, winogradTransform, prefill, groupNorm, layerNorm, softmax
        case activation, elementwise, copy, widenWeights
    }

    public static let isEnabled = ProcessInfo.processInfo.environment["EASEL_PROFILE"] == "1"

    private static let lock = NSLock()
    nonisolated(unsafe) private static var seconds: [Kind: Double] = [:]
    nonisolated(unsafe) private static var flops: [Kind: Double] = [:]

    /// Runs `body`, adding its duration to `kind` when profiling is on.
    @inline(__always)
    static func measure<T>(_ kind: Kind, flops: Double = 0, _ body: () -> T) -> T {
        guard isEnabled else { return body() }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = body()
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        lock.lock()
        seconds[kind, default: 0] += elapsed
        if flops > 0 { self.flops[kind, default: 0] += flops }
        lock.unlock()
        return result
    }

    /// One line per kind with its seconds (and GFLOP/s for GEMMs); then resets the counters.
    public static func report() -> String {
        lock.lock(); defer { lock.unlock() }
        let lines = Kind.allCases.compactMap { kind -> String? in
            guard let time = seconds[kind] else { return nil }
            var line = "  " + kind.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0) + String(format: "%8.3f s", time)
            if let work = flops[kind], time > 0 {
                line += String(format: "   %7.1f GFLOP/s over %.1f GFLOP", work / time / 1e9, work / 1e9)
            }
            return line
        }
        seconds = [:]
        flops = [:]
        return lines.joined(separator: "\n")
    }
}
