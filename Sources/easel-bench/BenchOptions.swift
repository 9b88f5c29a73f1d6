import Foundation
import Tensor

/// easel-bench's command line: `--flag value` pairs and bare switches.
struct BenchOptions {
    let arguments: [String]

    init(_ arguments: [String]) { self.arguments = arguments }

    func value(_ name: String) -> String? {
        guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
        return arguments[i + 1]
    }

    func has(_ name: String) -> Bool { arguments.contains(name) }

    /// `--precision fp32|bf16|fp32-half`, else `Precision.preferred` (fp32-half on CPUs without
    /// AVX512_BF16); bf16 on such a CPU is an error here (a benchmark must not silently measure
    /// something else).
    func precision() throws -> Precision {
        guard let text = value("--precision") else { return .preferred }
        guard let requested = Precision(rawValue: text) else { throw BenchError("--precision: expected fp32, bf16 or fp32-half, got '\(text)'") }
        guard Precision.resolve(requested) == requested else { throw BenchError("--precision bf16: this CPU has no AVX512_BF16") }
        return requested
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Seconds elapsed while running `body`.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}
