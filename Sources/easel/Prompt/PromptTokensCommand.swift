import ArgumentParser

struct PromptTokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Print CLIP token counts and ids per 75-token chunk."
    )

    func run() throws {
        throw ValidationError("easel prompt tokens is not built yet")
    }
}
