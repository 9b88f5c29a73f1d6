import ArgumentParser

struct PromptParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print A1111's attention parse of TEXT as JSON."
    )

    func run() throws {
        throw ValidationError("easel prompt parse is not built yet")
    }
}
