import ArgumentParser

/// `easel presets list | show | save | delete | import-styles | export-styles`
struct PresetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presets",
        abstract: "List, show, save, delete, import and export presets.",
        discussion: "User presets live in $XDG_CONFIG_HOME/easel/presets (default ~/.config/easel/presets), one JSON file each; built-in presets are read-only.",
        subcommands: [
            PresetsListCommand.self,
            PresetsShowCommand.self,
            PresetsSaveCommand.self,
            PresetsDeleteCommand.self,
            PresetsImportStylesCommand.self,
            PresetsExportStylesCommand.self,
        ]
    )
}
