import EngineAPI
import Foundation

/// The `ImageEngine` contract shared by the remote engines: one serial queue runs model
/// checks and jobs in order, a new job cancels the running one, and every job ends in exactly
/// one of `.finished`, `.failed` or `.cancelled`. Each engine supplies what a load and a job
/// mean on its server.
final class RemoteJobQueue: @unchecked Sendable {
    private let queue: DispatchQueue
    private let lock = NSLock()
    private var loaded: EngineModel?
    private var loadError: String?
    private var running: EngineJob?

    init(label: String) {
        queue = DispatchQueue(label: "easel.remote.\(label)", qos: .userInitiated)
    }

    /// The model the last successful load settled on.
    var model: EngineModel? {
        lock.lock(); defer { lock.unlock() }
        return loaded
    }

    /// Runs `check` (which asks the server for the model and returns it as described there,
    /// with any notes) and reports the load.
    func load(_ model: EngineModel, onEvent: @escaping @Sendable (EngineEvent) -> Void,
              check: @escaping () throws -> (EngineModel, [String])) {
        cancelRunning()
        queue.async { [self] in
            onEvent(.modelLoading(model))
            do {
                let (described, notes) = try check()
                set(described, error: nil)
                onEvent(.modelLoaded(described))
                for note in notes { onEvent(.note(note)) }
                onEvent(.modelUpdated(described))
            } catch {
                set(nil, error: String(describing: error))
                onEvent(.modelFailed(model, message: String(describing: error)))
            }
        }
    }

    /// Queues a job; `run` renders it for the loaded model and returns the images, throwing
    /// `EngineError.cancelled` when the job's flag stopped it.
    func submit(_ request: EngineRequest, onEvent: @escaping @Sendable (EngineEvent) -> Void,
                run: @escaping (EngineRequest, EngineModel, EngineJob) throws -> [GeneratedImage]) -> EngineJob {
        let job = EngineJob()
        lock.lock()
        running?.cancel()
        running = job
        lock.unlock()
        queue.async { [self] in
            if job.isCancelled { onEvent(.cancelled); return }
            lock.lock()
            let model = loaded, problem = loadError ?? "no model loaded"
            lock.unlock()
            guard let model else { onEvent(.failed(problem)); return }
            onEvent(.started)
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                try request.validate()
                let images = try run(request, model, job)
                if job.isCancelled { onEvent(.cancelled); return }
                onEvent(.finished(images, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            } catch EngineError.cancelled {
                onEvent(.cancelled)
            } catch is CancelToken.Cancelled {
                onEvent(.cancelled)
            } catch {
                onEvent(.failed(String(describing: error)))
            }
        }
        return job
    }

    func cancelRunning() {
        lock.lock()
        running?.cancel()
        lock.unlock()
    }

    /// Blocks until every queued load and job has finished.
    func waitUntilIdle() { queue.sync {} }

    private func set(_ model: EngineModel?, error: String?) {
        lock.lock()
        loaded = model
        loadError = error
        lock.unlock()
    }
}
