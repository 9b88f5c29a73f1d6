import ArgumentParser

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Render an image to a PNG file."
    )

    func run() throws {
        throw ValidationError("easel generate is not built yet")
    }
}
