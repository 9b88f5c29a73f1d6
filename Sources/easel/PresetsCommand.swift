import ArgumentParser

struct PresetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presets",
        abstract: "List, show, save, delete, import and export presets."
    )

    func run() throws {
        throw ValidationError("easel presets is not built yet")
    }
}
