import ArgumentParser
import PromptKit

/// `easel presets delete NAME`
struct PresetsDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a saved preset (built-in presets cannot be deleted)."
    )

    @Argument(help: "The preset's name.")
    var name: String

    func run() throws {
        try CommandLineText.checkArgumentsAreUTF8()
        try PresetStore.standard.delete(name)
        printText("deleted preset '\(name)'")
    }
}
