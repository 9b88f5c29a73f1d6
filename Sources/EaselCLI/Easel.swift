import ArgumentParser

/// `easel`: the terminal workbench. With no subcommand it opens the TUI.
public struct Easel: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "easel",
        abstract: "Compose image prompts and render them with an in-process diffusion engine.",
        subcommands: [
            WorkbenchCommand.self,
            PromptCommand.self,
            PresetsCommand.self,
            GenerateCommand.self,
            HistoryCommand.self,
            InfoCommand.self,
        ],
        defaultSubcommand: WorkbenchCommand.self
    )

    public init() {}
}
