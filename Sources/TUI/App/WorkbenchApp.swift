import CNCursesW
import EngineAPI
import Foundation
import ModelLibrary
import Imaging
import PromptKit
import RenderSettings
import TermImage
import TUICore
#if canImport(Glibc)
import Glibc
#endif

/// The workbench: owns the screen, the state, the render backend and the event loop.
///
/// The loop waits in `poll(2)` on the terminal and on the event inbox's pipe (render events,
/// quit signals), with a timeout at the render debounce deadline. Each input becomes an
/// `Action`; the reducer changes the state and returns redraw flags and effects; effects run
/// here and report back as actions; then one frame is drawn if anything changed.
public final class WorkbenchApp {
    let options: WorkbenchOptions
    let reducer: WorkbenchReducer
    let inbox: EventInbox<RenderEvent>
    var backend: EngineSession!
    /// Every engine connected to so far, by name (`backend` is the current one's): a switch
    /// back finds its engine, and the model it had loaded, as it was.
    var sessions: [String: EngineSession] = [:]
    var state: AppState
    var pending: [Action] = []
    var renderDeadline: Date?
    var analysisDeadline: Date?
    var preview: PreviewImage?
    var finalImage: (job: Int, image: RGBImage)?
    /// A comparison's finished cells by job, until its sheet is composed.
    var comparisonImages: [Int: RGBImage] = [:]
    /// The init image's pixels (`Document.initImagePath` names it) and its transparency mask.
    var initImage: (path: String, image: RGBImage, mask: GrayImage?)?
    var screen: CursesScreen?
    var palette: CursesPalette?
    var painter: WorkbenchPainter?
    var workerPriority: WorkerThreadPriority?
    let latency = KeyLatencyLog()
    var terminalWatch = TerminalWatch()
    let presets: PresetEffects
    var history: HistoryEffects!
    /// The history entries' thumbnails by id, as `HistoryEffects` last reported them.
    var historyThumbnails: [String: RGBImage] = [:]

    /// Renders through `engine`: the in-process engine or a remote one, the same either way.
    public init(options: WorkbenchOptions, engine: any ImageEngine) throws {
        self.options = options
        presets = PresetEffects(store: PresetStore(directory: options.presetFolder
            ?? PresetStore.defaultDirectory(environment: options.environment)))
        // Embeddings count as their vectors in the token counts (those present at start).
        let adapterFiles = options.adapters.list()
        let embeddings = adapterFiles.compactMap { file in file.vectors.map { (name: file.name, vectors: $0) } }
        var (analyzer, tokenizerProblem) = PromptAnalyzer.withCLIPTokenizer(knownLoRAs: LoRANames.names(in: options.library.loras),
                                                                            embeddings: embeddings)
        // Dynamic Prompts' word lists, from Easel's wildcards folder.
        let wildcards = WildcardLibrary.load([WildcardLibrary.defaultFolder(environment: options.environment)])
        analyzer.wildcards = wildcards
        let prompts = analyzer
        var environment = WorkbenchEnvironment(analyze: prompts.analyze)
        environment.wildcards = wildcards
        reducer = WorkbenchReducer(environment: environment)
        if let tokenizerProblem { pending.append(.operationFailed(tokenizerProblem)) }
        if let note = wildcards.notes.first { pending.append(.engineNote(note)) }
        inbox = try EventInbox<RenderEvent>()
        // A fresh session starts from a random seed (locked), like A1111's seed -1.
        var document = Document(modelPath: options.modelPath)
        if let family = options.startFamily { document.grid.family = family }
        if let start = options.startSettings { document.settings = start }
        document.settings.seed = UInt64.random(in: 0..<4_294_967_294)
        state = AppState(document: document, randomSeed: UInt64.random(in: 0...UInt64.max))
        state.keyStyle = options.keyStyle
        state.adapterFiles = adapterFiles
        state.status = .info(options.keyStyle == .vim
            ? "Vim-style keys: i edits the selected row, hjkl move, q quits, F1 lists every key"
            : "Start typing: the selected row fills in as you type. ↑↓ rows, Tab next pane, F1 every key")
        let inbox = self.inbox
        history = HistoryEffects(environment: options.environment, outputFolder: options.outputFolder) { action, thumbnails in
            inbox.post(.history(action, thumbnails: thumbnails))
        }
        if let problem = history.problem { pending.append(.operationFailed(problem)) }
        backend = makeSession(engine)
        sessions[options.engines.current] = backend
        // A server's own LoRAs replace the folders' list for the browser and the lint.
        let current = options.engines.current
        if current != EngineState.localName {
            DispatchQueue.global(qos: .utility).async {
                if let remote = engine.availableAdapters() { inbox.post(.adaptersListed(remote, source: current)) }
            }
        }
    }

    /// A session on `engine` reporting to the inbox, with the library's folders.
    func makeSession(_ engine: any ImageEngine) -> EngineSession {
        let inbox = self.inbox
        return EngineSession(engine: engine, loraFolders: options.library.loras.map(\.path),
                             embeddingFolders: options.library.embeddings.map(\.path)) { event in inbox.post(event) }
    }

    /// Runs until the user quits; returns the exit status (0, or 128 + signal).
    public func run() throws -> Int32 {
        let theme = try startTheme()
        let (graphics, cellSize) = detectGraphics()
        TerminalGuard.install(wakeFD: inbox.writeFD)
        let screen: CursesScreen
        do {
            screen = try CursesScreen()
        } catch {
            TerminalGuard.uninstall()
            throw error
        }
        defer {
            // Each engine stops its job; a server's is stopped there (ComfyUI's /interrupt).
            for session in sessions.values { session.shutdown() }
            screen.close()
            TerminalGuard.uninstall()
            latency.write(to: options.environment["EASEL_KEY_LATENCY_LOG"])
        }
        self.screen = screen
        workerPriority = WorkerThreadPriority()
        let palette = CursesPalette(theme: theme.theme, colourCount: screen.colourCount)
        let painter = WorkbenchPainter(canvas: CursesCanvas(palette: palette), keymap: reducer.environment.keymap,
                                       graphics: graphics, cellPixelSize: cellSize)
        self.palette = palette
        self.painter = painter
        state.theme = theme.name
        state.columns = screen.columns
        state.rows = screen.rows
        reducer.prepare(&state)
        start()
        return loop(screen: screen, painter: painter)
    }

    private func start() {
        var effects: [Effect] = [.reloadPresets, .reloadHistory]   // (the LoRA list was read in init)
        if let path = options.modelPath { effects.append(.loadModel(path: path)) }
        if let path = options.imagePath { effects.append(.openImage(path: path)) }
        let models = backend.engine.availableModels()
        for model in models { state.modelAdvice[model.id] = model.advice }
        // A remote engine's model ids are its server's names, not paths.
        let startID = options.modelPath.map { path in models.contains { $0.id == path } ? path : Self.modelID(path) }
        if let path = options.modelPath, let startID, let advice = backend.model(id: startID).advice {
            state.modelAdvice[path] = advice
        }
        let ids = Set(models.map(\.id) + [startID].compactMap { $0 })
        pending.append(.modelsFound(Self.sortedByFileName(Array(ids))))
        pending.append(engineList())
        for effect in effects { run(effect) }
        // After `.reloadPresets` has queued the list; a `--theme` wins over the preset's theme.
        if let name = options.presetName { pending.append(.openPreset(name: name, keepTheme: options.theme != nil)) }
    }

    /// Model ids in the order the model picker lists them (by file name).
    static func sortedByFileName(_ ids: [String]) -> [String] {
        ids.sorted { URL(fileURLWithPath: $0).lastPathComponent < URL(fileURLWithPath: $1).lastPathComponent }
    }

    /// A model path as the in-process engine lists it (absolute, standardized).
    static func modelID(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    private func loop(screen: CursesScreen, painter: WorkbenchPainter) -> Int32 {
        var redraw: Redraw = .all
        while true {
            // Input first, drawn at once: keys never wait behind render events.
            redraw.formUnion(process())
            if state.quitRequested { return 0 }
            draw(&redraw, screen: screen, painter: painter)
            latency.recordFrame()
            for event in inbox.drain() { receive(event) }
            if let deadline = analysisDeadline, deadline <= Date() {
                analysisDeadline = nil
                pending.append(.analysisDue)
            }
            if let deadline = renderDeadline, deadline <= Date() {
                renderDeadline = nil
                pending.append(.renderDue)
            }
            redraw.formUnion(process())
            if state.quitRequested { return 0 }
            draw(&redraw, screen: screen, painter: painter)
            if TerminalGuard.quitSignal != 0 { return 128 + TerminalGuard.quitSignal }
            guard pending.isEmpty else { continue }
            let terminal = waitForInput()
            if TerminalGuard.quitSignal != 0 { return 128 + TerminalGuard.quitSignal }
            let events = screen.pendingEvents()
            if terminalWatch.isGone(poll: terminal, eventsRead: events.count) { return 128 + SIGHUP }
            if !events.isEmpty { latency.recordInput() }
            for event in events {
                switch event {
                case .key(let key): pending.append(.key(key))
                case .paste(let text): pending.append(.paste(text))
                case .resize(let columns, let rows):
                    pending.append(.resize(columns: columns, rows: rows))
                    painter.screenCleared()
                }
            }
        }
    }

    /// Reduces every pending action and runs its effects; returns what to redraw.
    private func process() -> Redraw {
        var redraw: Redraw = []
        while !pending.isEmpty {
            let action = pending.removeFirst()
            let reaction = reducer.reduce(&state, action)
            redraw.formUnion(reaction.redraw)
            for effect in reaction.effects { run(effect) }
        }
        return redraw
    }

    private func draw(_ redraw: inout Redraw, screen: CursesScreen, painter: WorkbenchPainter) {
        guard !redraw.isEmpty else { return }
        let thumbnail = initImage.flatMap { $0.path == state.document.initImagePath ? $0.image : nil }
        painter.frame(state, preview: preview, initImage: thumbnail, historyThumbnails: historyThumbnails, screen: screen)
        redraw = []
    }

    /// Sleeps until the terminal or the inbox has something, or the debounce deadline; returns
    /// what poll(2) said of the terminal.
    private func waitForInput() -> Int16 {
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: inbox.readFD, events: Int16(POLLIN), revents: 0)]
        var timeout: Int32 = -1
        if let deadline = [renderDeadline, analysisDeadline].compactMap({ $0 }).min() {
            timeout = Int32(max(0, min(60_000, deadline.timeIntervalSinceNow * 1000)).rounded(.up))
        }
        _ = poll(&fds, 2, timeout)
        return fds[0].revents
    }

    /// A render event on the UI thread: keep the pixels when the job is the current one, then
    /// hand the news to the reducer.
    private func receive(_ event: RenderEvent) {
        switch event {
        case .modelLoading(let name): pending.append(.modelLoading(name: name))
        case .modelLoaded(let name, let dialect, let guess): pending.append(.modelLoaded(name: name, dialect: dialect, guess: guess))
        case .modelFailed(let name, let message): pending.append(.modelFailed(name: name, message: message))
        case .modelHashed(let hash): pending.append(.modelHashed(hash))
        case .progress(let job, let step, let total, let elapsed, let image):
            workerPriority?.lowerWorkers()
            guard state.render.runningJob == job else { return }
            if let image { preview = PreviewImage(job: job, step: step, isFinal: false, image: image) }
            pending.append(.renderProgress(job: job, step: step, total: total, elapsed: elapsed, hasPreview: image != nil))
        case .finished(let job, let elapsed, let image):
            guard state.render.runningJob == job else { return }
            preview = PreviewImage(job: job, step: 0, isFinal: true, image: image)
            finalImage = (job, image)
            if let run = state.comparison, run.jobs.contains(job) {
                if job == run.jobs.first { comparisonImages = [:] }
                comparisonImages[job] = image
            }
            pending.append(.renderFinished(job: job, elapsed: elapsed))
        case .failed(let job, let message):
            pending.append(.renderFailed(job: job, message: message))
        case .cancelled:
            break
        case .note(let text):
            pending.append(.engineNote(text))
        case .history(let action, let thumbnails):
            historyThumbnails = thumbnails
            pending.append(action)
        case .engineConnected(let name, let engine, let models, let adapters):
            engineConnected(name: name, engine: engine, models: models, adapters: adapters)
        case .adaptersListed(let files, let source):
            if source == state.engines.current { pending.append(.adaptersListed(files, source: source)) }
        case .folderAdaptersListed(let files, let engine):
            if engine == state.engines.current { pending.append(.adaptersListed(files)) }
        case .engineFailed(let name, let message):
            pending.append(.engineFailed(name: name, message: message))
        }
    }
}
