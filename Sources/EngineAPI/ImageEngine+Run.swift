import Foundation

/// What one blocking run produced: the images and what the engine said about its model.
public struct EngineRun: Sendable {
    public var images: [GeneratedImage]
    /// The model as last described (`.modelUpdated`): its hash, when the engine knows it.
    public var model: EngineModel
    /// The engine's one-line remarks (`.note`), in order.
    public var notes: [String]
}

extension ImageEngine {
    /// Loads `model`, runs `request` and waits for both, for callers without an event loop
    /// (`easel generate`). `progress` is called on the engine's thread. Setting `interrupt`
    /// cancels the job within one step (checked 20 times a second); the run then throws
    /// `EngineError.cancelled`. With `loadingModel` false the job runs on the model already
    /// loaded (a comparison's later cells), and the run reports `model` as given.
    public func run(_ request: EngineRequest, on model: EngineModel, loadingModel: Bool = true, interrupt: CancellationFlag,
                    progress: @escaping @Sendable (GenerationProgress) -> Void) throws -> EngineRun {
        let state = RunState(model: model, awaitingModel: loadingModel)
        if loadingModel { load(model) { event in state.record(event) } }
        let job = submit(request) { event in
            if case .progress(let report) = event { progress(report) }
            state.record(event)
        }
        while state.wait(timeout: 0.05) == false {
            if interrupt.isCancelled { job.cancel() }
        }
        return try state.result()
    }
}

/// The events of one blocking run, gathered from the engine's thread.
private final class RunState: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var model: EngineModel
    private var notes: [String] = []
    private var outcome: Result<[GeneratedImage], Error>?
    private var awaitingModel: Bool
    private var signalled = false

    init(model: EngineModel, awaitingModel: Bool) {
        self.model = model
        self.awaitingModel = awaitingModel
    }

    func record(_ event: EngineEvent) {
        lock.lock()
        switch event {
        case .modelLoaded(let loaded): model = loaded
        case .modelUpdated(let updated): model = updated; awaitingModel = false
        case .modelFailed(_, let message): outcome = outcome ?? .failure(EngineError.failed(message)); awaitingModel = false
        case .note(let text): notes.append(text)
        case .finished(let images, _): outcome = outcome ?? .success(images)
        case .failed(let message): outcome = outcome ?? .failure(EngineError.failed(message)); awaitingModel = false
        case .cancelled: outcome = outcome ?? .failure(EngineError.cancelled); awaitingModel = false
        case .modelLoading, .started, .progress: break
        }
        let finished = outcome != nil && !awaitingModel && !signalled
        if finished { signalled = true }
        lock.unlock()
        if finished { done.signal() }
    }

    /// True once the job has ended and the model's description has arrived.
    func wait(timeout: Double) -> Bool { done.wait(timeout: .now() + timeout) == .success }

    func result() throws -> EngineRun {
        lock.lock()
        defer { lock.unlock() }
        return EngineRun(images: try outcome!.get(), model: model, notes: notes)
    }
}
