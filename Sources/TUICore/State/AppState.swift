import EngineAPI
import PromptKit
import RenderSettings

/// The whole workbench as a value. Only `WorkbenchReducer` changes it; drawing reads it.
public struct AppState: Equatable, Sendable {
    // MARK: document
    public var document: Document
    public var history = UndoHistory<Document>()

    // MARK: where the user is
    public var focus: Pane = .grid
    public var gridCursor = GridCell(.row(.what))
    /// The text being edited at `gridCursor`, nil when not editing.
    public var editor: TextField?
    public var parameter: ParameterField = .family
    /// Whether letters type (standard) or move and run commands (vim) on the grid.
    public var keyStyle: KeyStyle = .standard
    /// Lines the prompt view is scrolled down by (clamped when drawn).
    public var promptScroll = 0
    public var overlays: [Overlay] = []
    public var columns: Int
    public var rows: Int

    // MARK: derived from the document
    public var analysis: PromptAnalysis = .empty

    // MARK: rendering
    public var render: RenderStatus = .idle
    public var nextJob = 1
    /// The job last started, the settings it used and the grid they came from (what a saved
    /// image records).
    public var lastJob: (id: Int, settings: RenderSettings, grid: PromptGrid)?
    /// The last job that finished (its `.finished` status), so an unchanged document is not
    /// rendered again.
    public var lastFinished: RenderStatus?
    /// F5 asked for a render even if nothing changed.
    public var renderForced = false
    /// The preview the TUI holds pixels for: which job and step it shows.
    public var preview: PreviewInfo?
    public var model: ModelStatus = .none
    /// A1111's short hash of the model file, once computed (written to saved images).
    public var modelHash: String?
    /// Model files the model picker offers.
    public var availableModels: [String] = []
    /// Set when the user picks another model: its load then brings the model's dialect
    /// (`adoptModelDialect`). The model a session starts with already set the dialect, and a
    /// preset brings its own, so their loads leave the family alone.
    public var adoptDialectOnLoad = false
    /// The engines to pick from, the current one, and its model's family guess.
    public var engines = EngineState()
    /// Models with advice of their own (by path), which the sliders show instead of the family's.
    public var modelAdvice: [String: ModelAdvice] = [:]

    /// The advice for the document's model, if it has its own.
    public var currentModelAdvice: ModelAdvice? { document.modelPath.flatMap { modelAdvice[$0] } }

    /// The LoRAs and embeddings in the library folders, as last listed (`Effect.listAdapters`).
    public var adapterFiles: [AdapterFile] = []
    /// The engine whose own list `adapterFiles` is (a server's `/sdapi/v1/loras`); nil for the
    /// library folders here. The lint's `lora` rule then checks the tags against that list.
    public var adapterSource: String?
    /// The engine's notes on the last render (an unknown LoRA, modules matching no layer, a
    /// refused file), shown with the lint in the prompt view.
    public var engineNotes: [String] = []

    // MARK: presets and messages
    public var presets: [PresetEntry] = []
    /// The render history, newest first, as the TUI last read it (`Action.historyLoaded`).
    public var historyItems: [HistoryItem] = []
    /// The history entry last restored: its render again is not kept a second time.
    public var restoredHistoryID: String?
    /// The theme on screen (a name or a file path), recorded in presets saved from here; nil
    /// until the TUI reports the one it started with.
    public var theme: String?
    public var status: StatusMessage?
    /// State of the random generator for new seeds (SplitMix64), so reducing stays pure.
    public var randomState: UInt64
    public var quitRequested = false
    /// The comparison (X/Y plot) being rendered, and the axes last typed for one (F12).
    public var comparison: ComparisonRun?
    public var comparisonSpecs: [String] = []

    public init(document: Document = Document(), columns: Int = 120, rows: Int = 40, randomSeed: UInt64 = 0x5EED) {
        self.document = document
        self.columns = columns
        self.rows = rows
        randomState = randomSeed
    }

    public var layout: ScreenLayout {
        ScreenLayout(columns: columns, rows: rows, focus: focus, parameterCount: ParameterField.allCases.count)
    }

    public var topOverlay: Overlay? { overlays.last }
    public var isEditing: Bool { editor != nil && overlays.isEmpty }

    /// The key contexts in force, most specific first (see `Keymap.command(for:in:)`).
    public var keyContexts: [KeyContext] {
        switch topOverlay {
        case .help: return [.help, .global]
        case .picker: return [.picker, .global]
        case .presets: return [.presets, .global]
        case .history: return [.history, .global]
        case .adapters: return [.adapters, .global]
        case .textEntry: return [.textEntry, .global]
        case .confirm: return [.confirm, .global]
        case nil:
            if editor != nil { return [.editing, .main, .global] }
            let vim: [KeyContext] = keyStyle == .vim ? [.vim] : []
            switch focus {
            case .grid: return vim + [.grid, .main, .global]
            case .parameters: return [.parameters] + vim + [.main, .global]
            case .prompt: return [.promptView] + vim + [.main, .global]
            case .preview: return vim + [.main, .global]
            }
        }
    }

    public static func == (a: AppState, b: AppState) -> Bool {
        a.document == b.document && a.history == b.history && a.focus == b.focus && a.gridCursor == b.gridCursor
            && a.editor == b.editor && a.parameter == b.parameter && a.keyStyle == b.keyStyle
            && a.promptScroll == b.promptScroll && a.overlays == b.overlays
            && a.columns == b.columns && a.rows == b.rows && a.analysis == b.analysis && a.render == b.render
            && a.nextJob == b.nextJob && a.lastJob?.id == b.lastJob?.id && a.lastJob?.settings == b.lastJob?.settings
            && a.lastFinished == b.lastFinished && a.renderForced == b.renderForced
            && a.preview == b.preview && a.model == b.model && a.modelHash == b.modelHash && a.availableModels == b.availableModels && a.engines == b.engines
            && a.presets == b.presets && a.historyItems == b.historyItems && a.restoredHistoryID == b.restoredHistoryID && a.theme == b.theme && a.status == b.status && a.randomState == b.randomState
            && a.quitRequested == b.quitRequested && a.adapterFiles == b.adapterFiles && a.adapterSource == b.adapterSource && a.engineNotes == b.engineNotes
            && a.comparison == b.comparison && a.comparisonSpecs == b.comparisonSpecs
    }
}

/// Which render the preview pane shows.
public struct PreviewInfo: Equatable, Sendable {
    public var job: Int
    public var step: Int
    public var totalSteps: Int
    /// The decoded final image (not a latent approximation).
    public var isFinal: Bool

    public init(job: Int, step: Int, totalSteps: Int, isFinal: Bool) {
        self.job = job
        self.step = step
        self.totalSteps = totalSteps
        self.isFinal = isFinal
    }
}
