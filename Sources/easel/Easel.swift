import ArgumentParser

/// `easel`: the terminal workbench. With no subcommand it opens the TUI.
@main
struct Easel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "easel",
        abstract: "Compose image prompts and render them with an in-process diffusion engine.",
        subcommands: [
            WorkbenchCommand.self,
            PromptCommand.self,
            PresetsCommand.self,
            GenerateCommand.self,
            InfoCommand.self,
        ],
        defaultSubcommand: WorkbenchCommand.self
    )
}
