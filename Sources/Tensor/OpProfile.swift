import Foundation

/// Optional wall-clock accounting of the engine's kernels, switched on by setting the
/// environment variable `EASEL_PROFILE=1`. Kernels are called from one thread at a time
/// (they parallelise inside), so their wall-clock times add up to the time spent in them.
public enum OpProfile {
    public enum Kind: String, CaseIterable, Sendable {
        case gemm, im2col, prefill, groupNorm, layerNorm, softmax, activation, elementwise, copy
    }

    public static let isEnabled = ProcessInfo.processInfo.environment["EASEL_PROFILE"] == "1"

    private static let lock = NSLock()
    nonisolated(unsafe) private static var seconds: [Kind: Double] = [:]
    nonisolated(unsafe) private static var gemmFlops: Double = 0

    /// Runs `body`, adding its duration to `kind` when profiling is on.
    @inline(__always)
    static func measure<T>(_ kind: Kind, flops: Double = 0, _ body: () -> T) -> T {
        guard isEnabled else { return body() }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = body()
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        lock.lock()
        seconds[kind, default: 0] += elapsed
        gemmFlops += flops
        lock.unlock()
        return result
    }

    /// One line per kind with its seconds, plus the GEMM rate; then resets the counters.
    public static func report() -> String {
        lock.lock(); defer { lock.unlock() }
        var lines = Kind.allCases.compactMap { kind in
            seconds[kind].map { "  " + kind.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
                + String(format: "%8.3f s", $0) }
        }
        if let gemm = seconds[.gemm], gemm > 0 {
            lines.append(String(format: "  gemm rate    %8.1f GFLOP/s over %.1f GFLOP", gemmFlops / gemm / 1e9, gemmFlops / 1e9))
        }
        seconds = [:]
        gemmFlops = 0
        return lines.joined(separator: "\n")
    }
}
