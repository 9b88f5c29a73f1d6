import ArgumentParser

struct PromptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prompt",
        abstract: "Render, parse, schedule, tokenize and lint prompts."
    )

    func run() throws {
        throw ValidationError("easel prompt is not built yet")
    }
}
