import ArgumentParser
import LocalEngine
import Foundation
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
            Build a prompt in the grid, tune the parameters and watch the picture render live.
            Typing types into the selected grid row; commands are on Ctrl and F-keys (F1 lists
            every key). Quit with Ctrl-Q or Ctrl-C. --keys vim (or EASEL_KEYS=vim, or F9) gives
            vim-style keys: hjkl move, i edits, q quits.
            """
    )

    @Option(name: .long, help: "Model to load: an SD 1.x or SDXL .safetensors file or diffusers folder (default: the built-in demo model).")
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
        let modelPath = model ?? DemoModel.locate()?.path
        // The model picker offers the models beside the one given and beside the demo model.
        let folders = [modelPath].compactMap { $0 }.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
        var options = WorkbenchOptions(modelPath: modelPath, graphics: graphics, theme: theme, imagePath: image,
                                       presetName: preset, outputFolder: URL(fileURLWithPath: output))
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
        let app = try WorkbenchApp(options: options, engine: EngineChoice.make(nil, folders))
        let status = try app.run()
        // The terminal is restored. A cancelled render may still be finishing its step on the
        // engine's threads; end the process now instead of running library destructors
        // (OpenBLAS shuts its thread pool down at exit) while that step still uses them.
        fflush(stdout)
        fflush(stderr)
        _exit(status)
    }
}
