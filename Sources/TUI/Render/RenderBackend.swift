import Imaging
import RenderSettings

/// What a render backend reports, from any thread.
public enum RenderEvent: Sendable {
    case modelLoading(name: String)
    case modelLoaded(name: String)
    case modelFailed(name: String, message: String)
    /// A1111's short hash of the loaded model file.
    case modelHashed(String)
    /// A finished step, with the latent approximation when the engine made one.
    case progress(job: Int, step: Int, total: Int, elapsed: Double, preview: RGBImage?)
    /// The decoded image.
    case finished(job: Int, elapsed: Double, image: RGBImage)
    case failed(job: Int, message: String)
    /// The job stopped because it was cancelled.
    case cancelled(job: Int)
}

/// The engine as the workbench uses it: one model loaded at a time, one job at a time, all work
/// off the UI thread, results through `RenderEvent`s to the sink given at creation.
public protocol RenderBackend: AnyObject {
    /// Loads a model in the background (replacing the current one); reports modelLoading, then
    /// modelLoaded or modelFailed.
    func loadModel(path: String)
    /// Starts a job in the background, cancelling any running one first.
    func start(job: Int, settings: RenderSettings)
    /// Asks the running job to stop; it stops within one step and reports `cancelled`.
    func cancel()
    /// Stops everything (called before the workbench exits); returns promptly.
    func shutdown()
}
