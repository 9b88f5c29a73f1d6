import Foundation
import SafeFiles

/// Measures keypress-to-redraw time: from the moment the event loop reads input to the end of
/// the frame drawn for it. With `EASEL_KEY_LATENCY_LOG=FILE` the workbench writes the samples'
/// count, median, 95th percentile and maximum (milliseconds) to FILE when it exits.
final class KeyLatencyLog {
    private var inputAt: UInt64?
    private(set) var samples: [Double] = []

    func recordInput() { inputAt = DispatchTime.now().uptimeNanoseconds }

    /// Called after each frame (or after an input that needed none).
    func recordFrame() {
        guard let start = inputAt else { return }
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        inputAt = nil
    }

    func summary() -> String {
        guard !samples.isEmpty else { return "keys 0\n" }
        let sorted = samples.sorted()
        func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * q))] }
        return String(format: "keys %d\nmedian_ms %.3f\np95_ms %.3f\nmax_ms %.3f\n",
                      sorted.count, at(0.5), at(0.95), sorted.last!)
    }

    func write(to path: String?) {
        guard let path, !path.isEmpty else { return }
        try? AtomicFile.write(Data(summary().utf8), to: path)
    }
}
