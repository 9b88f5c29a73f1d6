import ArgumentParser

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Print the A1111 parameters stored in a PNG."
    )

    func run() throws {
        throw ValidationError("easel info is not built yet")
    }
}
