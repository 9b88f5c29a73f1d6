import Foundation
import RenderSettings

/// Used while this build has no diffusion engine: every model load fails with a clear message,
/// so the UI says why nothing renders and the prompt tools keep working.
public final class EngineUnavailableBackend: RenderBackend {
    private let sink: @Sendable (RenderEvent) -> Void

    public init(sink: @escaping @Sendable (RenderEvent) -> Void) { self.sink = sink }

    public func loadModel(path: String) {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        sink(.modelFailed(name: name, message: "this build of easel has no diffusion engine yet; the prompt tools work"))
    }

    public func start(job: Int, settings: RenderSettings) {
        sink(.failed(job: job, message: "no diffusion engine in this build"))
    }

    public func cancel() {}
    public func shutdown() {}
}
