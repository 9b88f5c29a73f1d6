import EngineAPI
import PromptKit
import RenderSettings

/// Everything that can change the state: input, commands, and reports from the render engine and
/// from file operations the TUI carried out (`Effect`s).
public enum Action: Equatable, Sendable {
    // input
    case key(Key)
    case paste(String)
    case resize(columns: Int, rows: Int)
    case command(Command)
    /// Text typed into whatever field is active.
    case type(String)

    // rendering
    /// The debounce delay after the last change has passed: start a job.
    case renderDue
    /// The debounced prompt analysis of a long document is due (see `Effect.scheduleAnalysis`).
    case analysisDue
    case renderProgress(job: Int, step: Int, total: Int, elapsed: Double, hasPreview: Bool)
    case renderFinished(job: Int, elapsed: Double)
    case renderFailed(job: Int, message: String)
    case modelLoading(name: String)
    /// The engine loaded the model; `dialect` is the family its checkpoint calls for, if known;
    /// `guess` says the family was only guessed (a server's model) and from what.
    case modelLoaded(name: String, dialect: ModelFamily? = nil, guess: FamilyGuess? = nil)
    /// A1111's "Model hash" of the loaded file (computed in the background).
    case modelHashed(String)
    case modelFailed(name: String, message: String)
    case modelsFound([String])

    // file operations
    case presetsLoaded([PresetEntry], errors: [String])
    /// Load a preset by name (`easel --preset NAME` at start). `keepTheme` ignores the preset's
    /// theme (a `--theme` on the command line wins).
    case openPreset(name: String, keepTheme: Bool)
    /// The screen now shows this theme.
    case themeApplied(String)
    case presetSaved(name: String)
    /// The render history as read, newest first, and one note per entry or index skipped.
    case historyLoaded([HistoryItem], notes: [String])
    case historyDeleted(id: String)
    case presetDeleted(name: String)
    case presetRenamed(from: String, to: String)
    case stylesImported(count: Int, from: String)
    case imageSaved(path: String)
    /// A PNG's parameters, and the grid when Easel saved it (an `easel-grid` text chunk).
    case imageOpened(path: String, settings: RenderSettings, grid: PromptGrid? = nil)
    /// The init image is loaded (a file, or "(render N)"), `width`×`height` pixels.
    case initImageLoaded(path: String, width: Int, height: Int)
    /// An effect failed; the message is shown as an error in the status line.
    case operationFailed(String)
    /// The engine's remark, shown as a warning (a server without progress or cancel).
    case engineNote(String)
    case clipboardCopied(characters: Int, what: String = "the prompt")
    case folderListed(FolderListing)
    /// The LoRAs and embeddings in the library folders (the answer to `Effect.listAdapters`), or
    /// a remote engine's own list (`ImageEngine.availableAdapters`), `source` naming it.
    case adaptersListed([AdapterFile], source: String? = nil)
    // engines
    /// The engines there are and the one the workbench starts on (whether it can cancel a job
    /// on its server).
    /// `models`: the model each engine starts with when first switched to.
    case enginesListed([EngineEntry], current: String, canCancel: Bool, models: [String: String] = [:],
                       noiseSources: Set<RNGSource> = [.cpu])
    /// The engine picked is reachable: its models (ids), those with advice of their own, and
    /// whether it can cancel a job on its server.
    /// `adapters`: the engine's own LoRA list (a server's), nil when it reads the library folders.
    case engineConnected(name: String, models: [String], advice: [String: ModelAdvice], canCancel: Bool,
                         noiseSources: Set<RNGSource> = [.cpu], adapters: [AdapterFile]? = nil)
    /// The engine picked could not be reached; the workbench stays on the one it was on.
    case engineFailed(name: String, message: String)
    /// The comparison's sheet is shown and saved at `path`.
    case comparisonSaved(path: String)
}
