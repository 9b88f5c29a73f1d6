import ArgumentParser
import Foundation
import PromptKit

/// `easel presets export-styles FILE.csv [--force]`
struct PresetsExportStylesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-styles",
        abstract: "Export every preset as an A1111 styles.csv.",
        discussion: "A preset imported from a style is written back unchanged; any other preset is written as its rendered prompt and negative. The file is written atomically; an existing file is only replaced with --force."
    )

    @Argument(help: "The styles.csv file to write.")
    var file: String

    @Flag(help: "Replace an existing file.")
    var force = false

    func run() throws {
        try CommandLineText.checkArgumentsAreUTF8()
        let url = URL(fileURLWithPath: file)
        if !force, FileManager.default.fileExists(atPath: url.path) {
            throw CLIError("\(file) exists; use --force to overwrite it")
        }
        let styles = PresetStore.standard.exportStyles()
        try StylesCSV.write(styles, to: url)
        printText("exported \(styles.count) styles to \(file)")
    }
}
