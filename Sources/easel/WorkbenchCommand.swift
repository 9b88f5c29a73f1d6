import ArgumentParser
import Foundation
import TermImage
import TUI

extension GraphicsPreference: ExpressibleByArgument {}

/// `easel` with no subcommand: the terminal workbench.
struct WorkbenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbench",
        abstract: "Open the terminal workbench (the default).",
        discussion: """
            Build a prompt in the grid, tune the parameters and watch the picture render live.
            F1 or ? lists every key. Quit with q, Ctrl-Q or Ctrl-C.
            """
    )

    @Option(name: .long, help: "Model to load: an SD 1.x .safetensors file or a diffusers folder.")
    var model: String?

    @Option(name: .long, help: "How to draw the preview: auto, symbols, sixel or none.")
    var graphics: GraphicsPreference = .auto

    @Option(name: .long, help: "Theme name (dark, light, monochrome) or a theme .json file.")
    var theme: String?

    @Option(name: .long, help: "Folder for saved images (default: ./outputs).")
    var output: String = "outputs"

    @Argument(help: "An A1111 PNG whose parameters to load.")
    var image: String?

    func run() throws {
        var folders: [URL] = []
        if let model { folders.append(URL(fileURLWithPath: model).deletingLastPathComponent()) }
        let options = WorkbenchOptions(modelPath: model, graphics: graphics, theme: theme, imagePath: image,
                                       outputFolder: URL(fileURLWithPath: output), modelFolders: folders)
        let synthetic = !(options.environment["EASEL_SYNTHETIC_ENGINE"] ?? "").isEmpty
        let app = try WorkbenchApp(options: options) { sink in
            synthetic ? SyntheticRenderBackend(sink: sink) as RenderBackend : EngineUnavailableBackend(sink: sink)
        }
        let status = try app.run()
        if status != 0 { throw ExitCode(status) }
    }
}
