import ArgumentParser

struct PromptScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Print the per-step prompt schedule of TEXT as JSON."
    )

    func run() throws {
        throw ValidationError("easel prompt schedule is not built yet")
    }
}
