import EngineAPI
import Foundation

/// Progress on stderr: a redrawn bar with step, it/s and ETA on a terminal, plain lines otherwise.
final class ProgressReporter {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var drewBar = false

    func report(_ p: GenerationProgress) {
        let image = p.imageCount > 1 ? "image \(p.imageIndex + 1)/\(p.imageCount) " : ""
        let rate = String(format: "%.2f it/s", p.iterationsPerSecond)
        if isTerminal {
            let width = 30
            let filled = p.allSteps > 0 ? width * p.completedSteps / p.allSteps : 0
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            write("\r\u{1B}[2K\(bar) \(image)step \(p.step)/\(p.totalSteps)  \(rate)  ETA \(Self.clock(p.secondsRemaining))")
            drewBar = true
        } else {
            write("\(image)step \(p.step)/\(p.totalSteps)  \(rate)  ETA \(Self.clock(p.secondsRemaining))\n")
        }
    }

    func finish() {
        if drewBar { write("\n"); drewBar = false }
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return String(format: "%d:%02d", s / 60, s % 60)
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
