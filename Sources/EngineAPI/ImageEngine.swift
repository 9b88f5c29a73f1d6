/// An image generator the workbench and `easel generate` both drive: the in-process CPU engine
/// (`LocalEngine.InProcessEngine`) or, later, a remote server. It knows nothing of terminals,
/// prompt grids or how the images are made.
///
/// One model is loaded at a time and jobs run one at a time, in order, off the caller's thread.
/// Every report arrives through the `onEvent` callback given with the call, on the engine's
/// own thread.
public protocol ImageEngine: AnyObject, Sendable {
    /// What this engine can do (families, samplers, schedules, sizes, img2img, LoRA).
    var capabilities: EngineCapabilities { get }

    /// One line naming the engine for PNGs and the status line: `local`, or a remote
    /// engine's kind, name and address (`comfyui "gpu-box" at http://10.0.0.5:8188`).
    var label: String { get }

    /// The models this engine offers (files that load, or a server's list).
    func availableModels() -> [EngineModel]

    /// The LoRAs (and embeddings) the engine itself offers, for the workbench's browser: a
    /// server's list (A1111 `/sdapi/v1/loras`, ComfyUI `LoraLoader`'s names), or nil when the
    /// engine reads the library folders on this machine (the in-process engine).
    func availableAdapters() -> [AdapterFile]?

    /// The models, or why the engine cannot be reached (a server down, auth refused), as one
    /// line; the workbench's engine picker connects with it, off the UI thread.
    func connect() throws -> [EngineModel]

    /// Loads `model` in the background, replacing the current one. Reports `.modelLoading`,
    /// then `.modelLoaded` or `.modelFailed`; a queued job waits for the load.
    func load(_ model: EngineModel, onEvent: @escaping @Sendable (EngineEvent) -> Void)

    /// Queues `request` for the loaded model. The job reports progress, then exactly one of
    /// `.finished`, `.failed` or `.cancelled`. A job cancelled before it starts never runs.
    @discardableResult
    func submit(_ request: EngineRequest, onEvent: @escaping @Sendable (EngineEvent) -> Void) -> EngineJob

    /// Stops everything (before the process exits); returns promptly.
    func shutdown()
}

extension ImageEngine {
    public var label: String { "local" }

    public func availableAdapters() -> [AdapterFile]? { nil }

    public func connect() throws -> [EngineModel] { availableModels() }
}

/// A handle on one queued or running job.
public final class EngineJob: Sendable {
    public let flag = CancellationFlag()
    public init() {}
    public func cancel() { flag.cancel() }
    public var isCancelled: Bool { flag.isCancelled }
}
