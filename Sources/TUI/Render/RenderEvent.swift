import EngineAPI
import Imaging
import PromptKit
import TUICore

/// What the workbench hears from its `EngineSession`, from any thread, with the job numbers
/// the reducer gave.
public enum RenderEvent: Sendable {
    case modelLoading(name: String)
    /// The model is ready; `dialect` is the prompt family its checkpoint family and names call
    /// for (Pony for a Pony file), when the engine could tell.
    /// `guess` is set when the engine only guessed the family (a server's model).
    case modelLoaded(name: String, dialect: ModelFamily? = nil, guess: FamilyGuess? = nil)
    case modelFailed(name: String, message: String)
    /// A1111's short hash of the loaded model file.
    case modelHashed(String)
    /// A finished step, with the engine's preview when it made one.
    case progress(job: Int, step: Int, total: Int, elapsed: Double, preview: RGBImage?)
    /// The decoded image.
    case finished(job: Int, elapsed: Double, image: RGBImage)
    case failed(job: Int, message: String)
    /// The job stopped because it was cancelled.
    case cancelled(job: Int)
    /// The engine's one-line remark (a server that cannot cancel, say).
    case note(String)
    /// The render history's background work is done (`HistoryEffects`): its outcome, and the
    /// thumbnails by entry id.
    case history(Action, thumbnails: [String: RGBImage])
    /// The engine picked in the engine picker answered (`Effect.switchEngine`): the engine
    /// and its models.
    case engineConnected(name: String, engine: any ImageEngine, models: [EngineModel], adapters: [AdapterFile]?)
    /// The current engine's own LoRA list (a server's), read off the UI thread (at start, or
    /// when the browser asks).
    case adaptersListed([AdapterFile], source: String)
    /// The library folders' files, listed for `engine`, a server without a LoRA list of its own.
    case folderAdaptersListed([AdapterFile], engine: String)
    /// The engine picked could not be built or reached: one line.
    case engineFailed(name: String, message: String)
}
