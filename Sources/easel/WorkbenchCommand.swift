import ArgumentParser

struct WorkbenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbench",
        abstract: "Open the terminal workbench (the default)."
    )

    func run() throws {
        throw ValidationError("easel workbench is not built yet")
    }
}
