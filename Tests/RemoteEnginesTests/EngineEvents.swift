import EngineAPI
import Foundation

/// Records an engine's events from its thread, and waits for the job's end.
final class EngineEvents: @unchecked Sendable {
    private let lock = NSLock()
    private let ended = DispatchSemaphore(value: 0)
    private var events: [EngineEvent] = []

    func record(_ event: EngineEvent) {
        lock.lock(); events.append(event); lock.unlock()
        switch event {
        case .finished, .failed, .cancelled, .modelFailed: ended.signal()
        default: break
        }
    }

    var all: [EngineEvent] { lock.lock(); defer { lock.unlock() }; return events }

    /// Waits for a job (or a load) to end; false on timeout.
    func waitForEnd(seconds: Double) -> Bool { ended.wait(timeout: .now() + seconds) == .success }

    var progress: [GenerationProgress] {
        all.compactMap { if case .progress(let p) = $0 { return p } else { return nil } }
    }

    var failure: String? {
        all.lazy.compactMap { event -> String? in
            switch event {
            case .failed(let message), .modelFailed(_, let message): return message
            default: return nil
            }
        }.first
    }

    var wasCancelled: Bool { all.contains { if case .cancelled = $0 { return true } else { return false } } }

    var images: [GeneratedImage]? {
        all.lazy.compactMap { if case .finished(let images, _) = $0 { return images } else { return nil } }.first
    }
}
