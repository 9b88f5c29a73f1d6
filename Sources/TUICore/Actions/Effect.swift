import PromptKit
import RenderSettings

/// Work the reducer asks the TUI to do outside the state: talk to the engine, touch files, write
/// to the terminal. Results come back as `Action`s.
public enum Effect: Equatable, Sendable {
    case quit
    /// Stop the running job (the engine checks between steps).
    case cancelRender
    /// Start the job `renderDue` after `delay` seconds without further changes (debounce).
    case scheduleRender(delay: Double)
    case startRender(job: Int, settings: RenderSettings)
    /// Send `analysisDue` after `delay` seconds without further changes: tokenizing and lint of
    /// long text wait until typing pauses instead of running on every key.
    case scheduleAnalysis(delay: Double)
    case loadModel(path: String)
    /// Save the last finished image with these settings as A1111 parameters.
    /// Save the finished image with its settings and the grid it was rendered from.
    case saveImage(settings: RenderSettings, grid: PromptGrid)
    /// Put text on the clipboard with OSC 52.
    case copyToClipboard(String, what: String = "the prompt")
    /// Read an A1111 PNG's parameters.
    case openImage(path: String)
    /// Read a PNG as the init image; reported back as `initImageLoaded` or `operationFailed`.
    case loadInitImage(path: String)
    /// Make the finished image of `job` the init image; reported back as `initImageLoaded`.
    case useResultAsInit(job: Int)
    /// Save the document as a preset that records `theme` (the one on screen).
    case savePreset(name: String, document: Document, theme: String?, overwrite: Bool)
    /// Switch the screen to a theme (a name or a file path); reported back as `themeApplied`.
    case applyTheme(String)
    case renamePreset(from: String, to: String)
    case deletePreset(name: String)
    case importStyles(path: String)
    case reloadPresets
    /// Keep the finished image of `job` in the render history with `document` (its grid and
    /// settings as rendered); the list comes back as `historyLoaded`.
    case recordHistory(job: Int, document: Document)
    /// Read the render history; reported back as `historyLoaded`.
    case reloadHistory
    /// Save a history entry's image to the output folder, as Ctrl-S does (`imageSaved`).
    case saveHistoryImage(id: String)
    /// Delete a history entry's files; reported back as `historyDeleted`.
    case deleteHistoryEntry(id: String)
    /// Read a folder for a path prompt (as typed: "~/" expands, "" is the current folder);
    /// reported back as `folderListed`.
    case listFolder(String)
    /// List the LoRAs and embeddings in the library folders; reported back as `adaptersListed`.
    case listAdapters
    /// Compose the finished cells' images (the jobs, row by row) into the labelled sheet, show it
    /// in the preview and save it with `settings` (the axes in its infotext); reported back as
    /// `comparisonSaved` or `operationFailed`.
    case composeComparison(jobs: [Int], columnLabels: [String], rowLabels: [String]?, settings: RenderSettings)
    /// Connect to the engine called `name` off the UI thread; reported back as
    /// `engineConnected` or `engineFailed`.
    case switchEngine(name: String)
}
