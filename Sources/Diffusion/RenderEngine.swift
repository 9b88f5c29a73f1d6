import EngineAPI
import Foundation

/// A long-lived engine for interactive use: it loads the model once (lazily, off the calling
/// thread) and runs jobs one at a time on its own queue. Each job reports through a callback,
/// called on the engine's queue, and can be cancelled from any thread; a cancelled job stops
/// within one model evaluation. Text conditioning stays cached across jobs.
public final class RenderEngine: @unchecked Sendable {
    public enum Event: Sendable {
        case loadingModel
        case started
        case progress(GenerationProgress)
        case finished([GeneratedImage], seconds: Double)
        case cancelled
        case failed(String)
    }

    private let queue = DispatchQueue(label: "easel.render-engine", qos: .userInitiated)
    private let load: () throws -> StableDiffusionPipeline
    private var pipeline: StableDiffusionPipeline?
    private var loadError: String?

    /// `load` runs on the engine's queue before the first job.
    public init(load: @escaping () throws -> StableDiffusionPipeline) {
        self.load = load
    }

    /// Loads the model now (in the background) so the first job starts sooner.
    public func warmUp(onEvent: @escaping @Sendable (Event) -> Void = { _ in }) {
        queue.async { _ = self.loadedPipeline(onEvent) }
    }

    /// Queues `request`. Jobs run in order; a job cancelled before it starts never runs.
    @discardableResult
    public func submit(_ request: EngineRequest, onEvent: @escaping @Sendable (Event) -> Void) -> RenderJob {
        let job = RenderJob()
        queue.async {
            if job.isCancelled { onEvent(.cancelled); return }
            guard let pipeline = self.loadedPipeline(onEvent) else { return }
            onEvent(.started)
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                let images = try pipeline.generate(request, cancellation: job.flag) { onEvent(.progress($0)) }
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                onEvent(.finished(images, seconds: seconds))
            } catch EngineError.cancelled {
                onEvent(.cancelled)
            } catch {
                onEvent(.failed(String(describing: error)))
            }
        }
        return job
    }

    /// Blocks until every queued job has finished (for tests and orderly shutdown).
    public func waitUntilIdle() { queue.sync {} }

    private func loadedPipeline(_ onEvent: (Event) -> Void) -> StableDiffusionPipeline? {
        if let pipeline { return pipeline }
        if let loadError { onEvent(.failed(loadError)); return nil }
        onEvent(.loadingModel)
        do {
            pipeline = try load()
            return pipeline
        } catch {
            loadError = String(describing: error)
            onEvent(.failed(loadError!))
            return nil
        }
    }
}

/// A handle on one queued or running job.
public final class RenderJob: @unchecked Sendable {
    let flag = CancellationFlag()
    public func cancel() { flag.cancel() }
    public var isCancelled: Bool { flag.isCancelled }
}
