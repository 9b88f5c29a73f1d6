import EngineAPI
import Foundation
import Imaging
import TermImage
import TUICore

extension WorkbenchApp {
    /// Carries out one effect; what comes of it returns as pending actions.
    func run(_ effect: Effect) {
        switch effect {
        case .quit:
            state.quitRequested = true
        case .cancelRender:
            backend.cancel()
        case .scheduleRender(let delay):
            renderDeadline = Date().addingTimeInterval(delay)
        case .scheduleAnalysis(let delay):
            analysisDeadline = Date().addingTimeInterval(delay)
        case .startRender(let job, let settings):
            let source = initImage.flatMap { $0.path == state.document.initImagePath ? $0 : nil }
            backend.start(job: job, settings: settings,
                          initImage: source.map { InitImage(image: $0.image, mask: $0.mask) })
            workerPriority?.lowerWorkers()
        case .loadModel(let path):
            backend.loadModel(path: path)
        case .saveImage(let settings, let grid):
            guard let final = finalImage, final.job == state.lastJob?.id else {
                pending.append(.operationFailed("No finished image to save yet"))
                return
            }
            // A1111's "Lora hashes" and "TI hashes" (`NetworkHashes`), for the files this prompt used.
            var settings = settings
            let hashes = options.adapters.hashes(settings.prompt, settings.negativePrompt)
            settings.loraHashes = hashes.loras
            settings.embeddingHashes = hashes.embeddings
            do {
                let url = try ImageSaver(outputFolder: options.outputFolder).save(final.image, settings: settings, grid: grid)
                pending.append(.imageSaved(path: url.path))
            } catch {
                pending.append(.operationFailed("\(error)"))
            }
        case .copyToClipboard(let text, let what):
            screen?.writeRaw(Clipboard.osc52(text))
            pending.append(.clipboardCopied(characters: text.count, what: what))
        case .openImage(let path):
            // A tag naming a LoRA the folders lack finds it by its "Lora hashes" entry.
            let read = ImageParameters.read(path)
            guard case .imageOpened(let path, let settings, let grid) = read else {
                pending.append(read)
                return
            }
            let (resolved, notes) = options.adapters.resolveByHash(settings)
            pending.append(.imageOpened(path: path, settings: resolved, grid: resolved == settings ? grid : nil))
            pending += notes.map { .engineNote($0) }
        case .loadInitImage(let path):
            do {
                let contents = try PNGFile.read(from: URL(fileURLWithPath: path))
                initImage = (path, contents.image, contents.transparencyMask)
                pending.append(.initImageLoaded(path: path, width: contents.image.width, height: contents.image.height))
            } catch {
                pending.append(.operationFailed("init image: \(error)"))
            }
        case .useResultAsInit(let job):
            guard let final = finalImage, final.job == job else {
                pending.append(.operationFailed("No finished image to refine yet"))
                return
            }
            initImage = ("(render \(job))", final.image, nil)
            pending.append(.initImageLoaded(path: "(render \(job))", width: final.image.width, height: final.image.height))
        case .applyTheme(let name):
            do {
                palette?.setTheme(try theme(named: name))
                painter?.screenCleared()
                pending.append(.themeApplied(name))
            } catch {
                pending.append(.operationFailed("\(error)"))
            }
        case .listFolder(let folder):
            pending.append(.folderListed(FolderReader.list(folder)))
        case .listAdapters:
            listAdapters()
        case .composeComparison(let jobs, let columnLabels, let rowLabels, let settings):
            composeComparison(jobs: jobs, columnLabels: columnLabels, rowLabels: rowLabels, settings: settings)
        case .savePreset, .renamePreset, .deletePreset, .importStyles, .reloadPresets:
            pending.append(presets.perform(effect))
        case .recordHistory(let job, let document):
            guard let final = finalImage, final.job == job else { return }
            history.record(final.image, document: document, engine: backend.engine.label == "local" ? nil : backend.engine.label)
        case .reloadHistory:
            history.reload()
        case .saveHistoryImage(let id):
            history.saveImage(id)
        case .deleteHistoryEntry(let id):
            history.delete(id)
        case .switchEngine(let name):
            switchEngine(to: name)
        }
    }

    /// The theme asked for (`--theme`), else dark (monochrome under `NO_COLOR`), with its name.
    func startTheme() throws -> (name: String, theme: Theme) {
        if let name = options.theme { return (name, try theme(named: name)) }
        let name = options.noColor ? "monochrome" : "dark"
        let fallback = options.noColor ? Theme.builtInMonochrome.withoutColour : Theme.builtInMonochrome
        return (name, (try? theme(named: name)) ?? fallback)
    }

    /// A theme by name or path; colours off under `NO_COLOR` whatever the theme.
    func theme(named name: String) throws -> Theme {
        let theme = try ThemeLibrary.standard(environment: options.environment).load(name)
        return options.noColor ? theme.withoutColour : theme
    }

    /// The graphics mode and the cell size in pixels, asked of the terminal before curses starts.
    func detectGraphics() -> (GraphicsMode, PixelSize) {
        var replies: TerminalReplies?
        if options.graphics == .auto || options.graphics == .sixel { replies = TerminalProbe.query() }
        let mode = GraphicsModeDetector.choose(options.graphics, replies: replies, environment: options.environment)
        let size = replies?.cellPixelSize ?? TerminalProbe.cellPixelSizeFromWindowSize() ?? PixelSize(width: 10, height: 20)
        return (mode, size)
    }
}
