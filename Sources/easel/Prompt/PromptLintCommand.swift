import ArgumentParser

struct PromptLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Warn where a prompt breaks its model family's advice."
    )

    func run() throws {
        throw ValidationError("easel prompt lint is not built yet")
    }
}
