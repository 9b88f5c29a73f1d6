import Diffusion
import EngineAPI
import Foundation
import Imaging
import RenderSettings

/// The workbench's adapter to the diffusion engine (`Diffusion.RenderEngine`): one engine per
/// loaded model, jobs submitted to it and cancelled through their `RenderJob` handles, engine
/// events translated into `RenderEvent`s. The engine keeps the text conditioning cached, so a
/// job that only changes CFG, steps or the seed does not encode the prompt again.
public final class DiffusionRenderBackend: RenderBackend, @unchecked Sendable {
    private let sink: @Sendable (RenderEvent) -> Void
    private let lock = NSLock()
    private var engine: RenderEngine?
    private var running: RenderJob?
    /// Counts model loads, so a late report from a replaced model is dropped.
    private var generation = 0

    public init(sink: @escaping @Sendable (RenderEvent) -> Void) {
        self.sink = sink
    }

    public func loadModel(path: String) {
        let url = URL(fileURLWithPath: path)
        let name = url.deletingPathExtension().lastPathComponent
        let engine = RenderEngine { try StableDiffusionPipeline.load(url) }
        lock.lock()
        running?.cancel()
        running = nil
        self.engine = engine
        generation += 1
        let current = generation
        lock.unlock()
        sink(.modelLoading(name: name))
        let failed = FailureFlag()
        engine.warmUp { [sink] event in
            if case .failed(let message) = event {
                failed.set()
                sink(.modelFailed(name: name, message: message))
            }
        }
        DispatchQueue.global(qos: .utility).async { [weak self, sink] in
            engine.waitUntilIdle()
            guard let self, !failed.isSet, self.isCurrent(current) else { return }
            sink(.modelLoaded(name: name))
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
               let hash = try? ModelHash.shortHash(of: url) {
                sink(.modelHashed(hash))
            }
        }
    }

    public func start(job: Int, settings: RenderSettings) {
        lock.lock()
        running?.cancel()
        let engine = self.engine
        lock.unlock()
        guard let engine else {
            sink(.failed(job: job, message: "no model loaded"))
            return
        }
        let request = EngineRequest(settings: settings)
        do {
            try request.validate()
        } catch {
            sink(.failed(job: job, message: "\(error)"))
            return
        }
        let handle = engine.submit(request) { [sink] event in
            switch event {
            case .loadingModel, .started:
                break
            case .progress(let p):
                sink(.progress(job: job, step: p.step, total: p.totalSteps, elapsed: p.elapsed, preview: p.preview))
            case .finished(let images, let seconds):
                if let first = images.first {
                    sink(.finished(job: job, elapsed: seconds, image: first.image))
                } else {
                    sink(.failed(job: job, message: "the engine returned no image"))
                }
            case .cancelled:
                sink(.cancelled(job: job))
            case .failed(let message):
                sink(.failed(job: job, message: message))
            }
        }
        lock.lock()
        running = handle
        lock.unlock()
    }

    public func cancel() {
        lock.lock()
        running?.cancel()
        running = nil
        lock.unlock()
    }

    public func shutdown() { cancel() }

    private func isCurrent(_ load: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return load == generation
    }
}

/// A thread-safe "it failed" flag.
private final class FailureFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
