import ArgumentParser
import Foundation
import PromptKit

/// `easel presets import-styles FILE.csv [--force]`
struct PresetsImportStylesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-styles",
        abstract: "Import an A1111 styles.csv: one preset per style.",
        discussion: "Each style becomes a preset named after it, applied to the grid with A1111's rule: a style containing {prompt} replaces it with the prompt, any other style is appended after ', '. Existing presets are skipped unless --force."
    )

    @Argument(help: "The styles.csv file (columns name,prompt,negative_prompt).")
    var file: String

    @Flag(help: "Replace existing presets of the same names.")
    var force = false

    func run() throws {
        try CommandLineText.checkArgumentsAreUTF8()
        let styles = try StylesCSV.read(from: URL(fileURLWithPath: file))
        let result = try PresetStore.standard.importStyles(styles, force: force)
        if styles.isEmpty { printText("no styles in \(file)") }
        if !result.imported.isEmpty {
            printText("imported \(result.imported.count) style\(result.imported.count == 1 ? "" : "s"): \(result.imported.joined(separator: ", "))")
        }
        if !result.skipped.isEmpty {
            printText("skipped \(result.skipped.count) (a preset of that name exists or is built in; --force replaces saved ones): \(result.skipped.joined(separator: ", "))")
        }
    }
}
