import ArgumentParser

struct PromptRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a grid or preset into a model family's prompt dialect."
    )

    func run() throws {
        throw ValidationError("easel prompt render is not built yet")
    }
}
