import EngineAPI
import Foundation
import RenderSettings

/// Polls `GET /sdapi/v1/progress` twice a second while a txt2img request is in flight and
/// reports each new step, with the server's `current_image` preview when it sends one.
final class ProgressPoller: @unchecked Sendable {
    private let http: HTTPClient
    private let settings: RenderSettings
    private let started: Date
    private let onEvent: @Sendable (EngineEvent) -> Void
    private let stopped = CancellationFlag()
    private let done = DispatchSemaphore(value: 0)

    init(http: HTTPClient, settings: RenderSettings, started: Date, onEvent: @escaping @Sendable (EngineEvent) -> Void) {
        self.http = http
        self.settings = settings
        self.started = started
        self.onEvent = onEvent
    }

    func start() {
        Thread.detachNewThread { [self] in
            var last = (-1, -1)
            while !stopped.isCancelled {
                if let report = poll(), (report.imageIndex, report.step) != last {
                    last = (report.imageIndex, report.step)
                    onEvent(.progress(report))
                }
                _ = done.wait(timeout: .now() + 0.5)
            }
        }
    }

    func stop() {
        stopped.cancel()
        done.signal()
    }

    private func poll() -> GenerationProgress? {
        guard let data = try? http.get("/sdapi/v1/progress?skip_current_image=false", timeout: 5),
              let progress = try? JSONDecoder().decode(A1111API.Progress.self, from: data),
              let state = progress.state, let step = state.sampling_step, step > 0,
              state.sampling_steps == nil || state.sampling_steps == settings.steps else { return nil }
        let preview = progress.current_image.flatMap { try? A1111Engine.decodePNG($0, field: "current_image").image }
        return GenerationProgress(step: min(step, settings.steps), totalSteps: settings.steps,
                                  imageIndex: min(state.job_no ?? 0, max(0, settings.batchSize - 1)),
                                  imageCount: settings.batchSize, elapsed: Date().timeIntervalSince(started),
                                  preview: preview)
    }
}
