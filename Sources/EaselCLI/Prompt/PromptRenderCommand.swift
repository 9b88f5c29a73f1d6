import ArgumentParser
import Foundation
import PromptKit

/// `easel prompt render (--preset NAME | --grid FILE) [--dialect D]`
struct PromptRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a grid or preset into a model family's prompt dialect.",
        discussion: "Prints the prompt, then 'Negative prompt: …' when the dialect has one. Notes about what the dialect left out go to standard error."
    )

    @Option(help: "A preset name (see `easel presets list`).")
    var preset: String?

    @Option(help: "A grid file (JSON; see the README for the format).")
    var grid: String?

    @Option(help: "sd15, sdxl, pony, flux, midjourney or natural (default: the grid's or preset's own).")
    var dialect: String?

    func run() throws {
        try CommandLineText.checkArgumentsAreUTF8()
        let family = try CommandLineText.family(dialect)
        let rendered: RenderedPrompt
        switch (preset, grid) {
        case (let name?, nil):
            rendered = try PresetStore.standard.load(name).render(in: family)
        case (nil, let path?):
            rendered = try PromptGrid.load(from: URL(fileURLWithPath: path)).render(in: family)
        default:
            throw CLIError("give exactly one of --preset NAME or --grid FILE")
        }
        printText(rendered.prompt)
        if let negative = rendered.negative, !negative.isEmpty { printText("Negative prompt: \(negative)") }
        rendered.notes.forEach { printError("note: \($0)") }
    }
}
