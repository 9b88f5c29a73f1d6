import ArgumentParser
import EngineAPI
import LocalEngine
import ModelLibrary
import Foundation
import RemoteEngines
import TermImage
import TUI
import TUICore

extension GraphicsPreference: ExpressibleByArgument {}

/// `easel` with no subcommand: the terminal workbench.
struct WorkbenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbench",
        abstract: "Open the terminal workbench (the default).",
        discussion: """
            Build a prompt in the grid, tune the parameters and watch the picture render live. \
            Typing types into the selected grid row; commands are on Ctrl and F-keys (F1 lists \
            every key). Quit with Ctrl-Q or Ctrl-C. --keys vim (or EASEL_KEYS=vim, or F9) gives \
            vim-style keys: hjkl move, i edits, q quits.
            """
    )

    @Option(name: .long, help: "Engine: local (in process, the default) or a name from the engines settings file.")
    var engine: String?

    @Option(name: .long, help: "Model to load: an SD 1.x or SDXL .safetensors file or diffusers folder (default: the built-in demo model); with a remote --engine, the server's model name.")
    var model: String?

    @Option(name: .long, help: "How to draw the preview: auto, symbols, sixel or none.")
    var graphics: GraphicsPreference = .auto

    @Option(name: .long, help: "Theme name (dark, light, monochrome) or a theme .json file.")
    var theme: String?

    @Option(name: .long, help: "Preset to load at start (built-in or user; its theme applies unless --theme is given).")
    var preset: String?

    @Option(name: .long, help: "Folder for saved images (default: ./outputs).")
    var output: String = "outputs"

    @Option(name: .long, help: "Key style: standard (typing types, commands on Ctrl/F-keys) or vim (hjkl, i to edit, q to quit).")
    var keys: String?

    @Argument(help: "An A1111 or ComfyUI PNG whose prompt and parameters to load.")
    var image: String?

    func run() throws {
        if !EngineChoice.isLocal(engine) { return try runRemote() }
        let modelPath = model ?? DemoModel.locate()?.path
        // The model picker offers the models beside the one given and beside the demo model.
        let library = try Self.library()
        let folders = [modelPath].compactMap { $0 }.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
            + library.checkpoints
        var options = WorkbenchOptions(modelPath: modelPath, graphics: graphics, theme: theme, imagePath: image,
                                       presetName: preset, outputFolder: URL(fileURLWithPath: output))
        options.library = library
        options.adapters = Self.adapterServices(library)
        options.engines = Self.engineDirectory(current: EngineSettingsFile.localName, localModel: modelPath, localFolders: folders)
        if let keys {
            guard let style = KeyStyle(rawValue: keys) else {
                throw ValidationError("--keys: '\(keys)' is not a key style; use standard or vim")
            }
            options.keyStyle = style
        }
        // The demo model starts at its native 64×64 and 20 steps (its sliders show its own
        // advice, which the engine reports); other models start in their family's dialect at its
        // defaults (SDXL 1024×1024 and 30 steps, Pony 40 steps and clip skip 2).
        if let modelPath {
            let url = URL(fileURLWithPath: modelPath)
            if !DemoModel.isDemoModel(url) { options.startFamily = ModelChoice.dialect(of: ModelChoice.engineModel(url)) }
            options.startSettings = ModelChoice.defaultSettings(for: url)
        }
        try open(WorkbenchApp(options: options, engine: EngineChoice.make(nil, nil, folders)))
    }

    /// The workbench on a server: its models, its samplers; the model given, else the server's
    /// first, starting at the SD 1.5 profile's settings.
    private func runRemote() throws {
        let remote: any ImageEngine
        do {
            remote = try EngineChoice.make(engine, nil, [])
        } catch {
            CommandLineIO.fail(error)
        }
        let first = model ?? remote.availableModels().first?.id
        guard let first else {
            CommandLineIO.fail(EngineError.modelNotFound("\(remote.label): no models listed (is the server up?)"))
        }
        var options = WorkbenchOptions(modelPath: first, graphics: graphics, theme: theme, imagePath: image,
                                       presetName: preset, outputFolder: URL(fileURLWithPath: output))
        // The engine picker can go back to the local engine, on the demo model.
        let demo = DemoModel.locate()?.path
        let localFolders = [demo].compactMap { $0 }.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
        options.engines = Self.engineDirectory(current: remote.label == "local" ? EngineSettingsFile.localName : engine ?? "",
                                               localModel: demo, localFolders: localFolders)
        try open(WorkbenchApp(options: options, engine: remote))
    }

    private func open(_ app: WorkbenchApp) throws -> Never {
        let status = try app.run()
        // The terminal is restored. A cancelled render may still be finishing its step on the
        // engine's threads; end the process now instead of running library destructors
        // (OpenBLAS shuts its thread pool down at exit) while that step still uses them.
        fflush(stdout)
        fflush(stderr)
        _exit(status)
    }

    /// The engine picker's list: `local` and the engines of the settings file (a file that
    /// cannot be read is a warning, and the picker offers `local` alone). Each is built by
    /// `EngineChoice.make` when picked.
    static func engineDirectory(current: String, localModel: String?, localFolders: [URL]) -> EngineDirectory {
        var configs: [RemoteEngineConfig] = []
        do {
            configs = try EngineSettingsFile.load()
        } catch {
            printError("easel: warning: \(error)")
        }
        let entries = [EngineEntry(name: EngineSettingsFile.localName, detail: "in process, on this machine")]
            + configs.map { EngineEntry(name: $0.name, detail: "\($0.kind.rawValue) at \($0.url.absoluteString)") }
        let make = EngineChoice.make
        return EngineDirectory(entries: entries, current: current,
                               startModels: localModel.map { [EngineSettingsFile.localName: $0] } ?? [:],
                               make: { name in
                                   try make(name, nil, name == EngineSettingsFile.localName ? localFolders : [])
                               })
    }

    /// The library's LoRA and embedding files for the workbench, through the in-process
    /// engine's readers (`AdapterCatalog`, `AdapterHashes`).
    static func adapterServices(_ library: LibraryFolders) -> AdapterServices {
        let loras = library.loras, embeddings = library.embeddings
        return AdapterServices(
            list: { AdapterCatalog.list(loraFolders: loras, embeddingFolders: embeddings) },
            hashes: { prompt, negative in
                AdapterHashes.infotextHashes(prompt: prompt, negative: negative, loraFolders: loras, embeddingFolders: embeddings)
            },
            resolveByHash: { settings in AdapterHashes.resolveByHash(settings, loraFolders: loras) })
    }

    /// The model library (`ModelLibrary`), its notes printed before the screen opens; a bad
    /// settings file is a one-line error.
    static func library(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LibraryFolders {
        do {
            let library = try LibraryFolders.load(environment: environment)
            for note in library.notes { printError("easel: warning: \(note)") }
            return library
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
