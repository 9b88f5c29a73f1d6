import ArgumentParser
import Foundation
import PromptKit

/// `easel presets save NAME --grid FILE [--dialect D] [--model PATH] [--force]`
struct PresetsSaveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "save",
        abstract: "Save a grid file as a preset, with its family's default settings.",
        discussion: "The file is written atomically. An existing preset is only replaced with --force; built-in names are read-only."
    )

    @Argument(help: "The preset's name (letters, digits, '-', '_', '.').")
    var name: String

    @Option(help: "The grid file (JSON).")
    var grid: String

    @Option(help: "The dialect the preset renders in (default: the grid's family).")
    var dialect: String?

    @Option(help: "The model file the preset renders with.")
    var model: String?

    @Flag(help: "Replace an existing preset of the same name.")
    var force = false

    func run() throws {
        try CommandLineText.checkArgumentsAreUTF8()
        let family = try CommandLineText.family(dialect)
        let loaded = try PromptGrid.load(from: URL(fileURLWithPath: grid))
        let preset = Preset(name: name, grid: loaded, dialect: family, modelPath: model)
        let store = PresetStore.standard
        try store.save(preset, force: force)
        printText("saved preset '\(name)' to \(store.url(for: name).path)")
    }
}
