import ArgumentParser

struct PromptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prompt",
        abstract: "Render, parse, schedule, tokenize and lint prompts.",
        subcommands: [
            PromptRenderCommand.self,
            PromptParseCommand.self,
            PromptScheduleCommand.self,
            PromptTokensCommand.self,
            PromptLintCommand.self,
        ]
    )
}
