import EngineAPI
import PromptKit
import Foundation
import RenderSettings

/// The workbench's side of the engine seam: any `ImageEngine` (in process or remote), one
/// model and one job at a time, engine events turned into `RenderEvent`s carrying the
/// reducer's job numbers. Starting a job cancels the running one; a report from a model that
/// has since been replaced is dropped.
public final class EngineSession: @unchecked Sendable {
    public let engine: any ImageEngine
    private let sink: @Sendable (RenderEvent) -> Void
    private let gate = SessionGate()
    private let lock = NSLock()
    private var running: EngineJob?
    /// Counts model loads, so a late report from a replaced model is dropped.
    private var generation = 0

    /// LoRA and embedding folders every job carries (`EngineRequest.loraFolders`).
    public let loraFolders: [String], embeddingFolders: [String]

    public init(engine: any ImageEngine, loraFolders: [String] = [], embeddingFolders: [String] = [],
                sink: @escaping @Sendable (RenderEvent) -> Void) {
        self.engine = engine
        self.loraFolders = loraFolders
        self.embeddingFolders = embeddingFolders
        self.sink = { [gate] event in if gate.isOpen { sink(event) } }
    }

    /// Whether this session's reports reach the workbench: only the current engine's do (a
    /// late report from an engine switched away from is dropped).
    public var isActive: Bool {
        get { gate.isOpen }
        set { gate.isOpen = newValue }
    }

    /// The models the engine listed when it was connected to (`remember`), so a load needs no
    /// second request to a server on the UI thread.
    private var listed: [EngineModel] = []

    /// Keeps the engine's list of models (from `ImageEngine.connect`).
    public func remember(_ models: [EngineModel]) {
        lock.lock(); listed = models; lock.unlock()
    }

    /// The engine's model with this id, or a model known only by its id (a path typed by hand).
    public func model(id: String) -> EngineModel {
        lock.lock(); let known = listed.first { $0.id == id }; lock.unlock()
        if let known { return known }
        return engine.availableModels().first { $0.id == id }
            ?? EngineModel(id: id, name: URL(fileURLWithPath: id).deletingPathExtension().lastPathComponent)
    }

    /// Loads a model in the background (replacing the current one); reports modelLoading, then
    /// modelLoaded or modelFailed, and modelHashed when the hash is known.
    public func loadModel(path: String) {
        lock.lock()
        running?.cancel()
        running = nil
        generation += 1
        let current = generation
        lock.unlock()
        engine.load(model(id: path)) { [weak self, sink] event in
            guard let self, self.isCurrent(current) else { return }
            switch event {
            case .modelLoading(let model): sink(.modelLoading(name: model.name))
            case .modelLoaded(let model):
                let dialect = model.family.flatMap { ModelFamily.dialect(for: $0, names: [model.name, model.title]) }
                sink(.modelLoaded(name: model.name, dialect: dialect, guess: model.familyGuess))
            case .modelFailed(let model, let message): sink(.modelFailed(name: model.name, message: message))
            case .modelUpdated(let model): if let hash = model.hash { sink(.modelHashed(hash)) }
            case .note(let text): sink(.note(text))
            default: break
            }
        }
    }

    /// Starts a job in the background, cancelling any running one first; with `initImage`
    /// it is img2img (inpainting with its mask).
    public func start(job: Int, settings: RenderSettings, initImage: InitImage? = nil) {
        let request = EngineRequest(settings: settings, initImage: initImage, loraFolders: loraFolders,
                                    embeddingFolders: embeddingFolders)
        do {
            try request.validate(for: engine.capabilities)
        } catch {
            cancel()
            sink(.failed(job: job, message: "\(error)"))
            return
        }
        lock.lock()
        running?.cancel()
        running = engine.submit(request) { [sink] event in
            switch event {
            case .progress(let p):
                sink(.progress(job: job, step: p.step, total: p.totalSteps, elapsed: p.elapsed, preview: p.preview))
            case .finished(let images, let seconds):
                if let first = images.first {
                    sink(.finished(job: job, elapsed: seconds, image: first.image))
                } else {
                    sink(.failed(job: job, message: "the engine returned no image"))
                }
            case .cancelled: sink(.cancelled(job: job))
            case .failed(let message): sink(.failed(job: job, message: message))
            default: break
            }
        }
        lock.unlock()
    }

    /// Asks the running job to stop; it stops within one step and reports `cancelled`.
    public func cancel() {
        lock.lock()
        running?.cancel()
        running = nil
        lock.unlock()
    }

    /// Stops everything (before the workbench exits); returns promptly.
    public func shutdown() {
        cancel()
        engine.shutdown()
    }

    private func isCurrent(_ load: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return load == generation
    }
}

/// A switch that lets a session's reports through or drops them, from any thread.
private final class SessionGate: @unchecked Sendable {
    private let lock = NSLock()
    private var open = true

    var isOpen: Bool {
        get { lock.lock(); defer { lock.unlock() }; return open }
        set { lock.lock(); open = newValue; lock.unlock() }
    }
}
