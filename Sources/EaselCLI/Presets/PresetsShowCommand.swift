import ArgumentParser
import PromptKit
import RenderSettings

/// `easel presets show NAME`: the preset's settings, grid, and rendered prompt.
struct PresetsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a preset: settings, grid rows and the rendered prompt."
    )

    @Argument(help: "The preset's name.")
    var name: String

    func run() throws {
        try CommandLineText.checkArgumentsAreUTF8()
        let preset = try PresetStore.standard.load(name)
        let builtIn = BuiltinPresets.named(name) != nil
        printText("name: \(preset.name)\(builtIn ? " (built-in, read-only)" : "")")
        if !preset.description.isEmpty { printText("description: \(preset.description)") }
        printText("dialect: \(preset.dialect.rawValue)")
        printText("model: \(preset.modelPath ?? "(none)")")
        printText("settings: \(Infotext.parameterLine(preset.settings))")
        if let style = preset.style { printText("style: \(style.name): \(style.prompt)") }
        printText("grid:")
        for (field, row) in preset.grid.filledRows {
            let weight = row.weight.map { "  (weight \($0))" } ?? ""
            let label = field.label.padding(toLength: 15, withPad: " ", startingAt: 0)
            printText("  \(label)\(row.value)\(row.qualifier.isEmpty ? "" : " | \(row.qualifier)")\(weight)")
        }
        if !preset.grid.extraTags.isEmpty { printText("  \("extra tags".padding(toLength: 15, withPad: " ", startingAt: 0))\(preset.grid.extraTags.joined(separator: ", "))") }
        if !preset.grid.negative.isEmpty { printText("  \("negative".padding(toLength: 15, withPad: " ", startingAt: 0))\(preset.grid.negative)") }
        let rendered = preset.render()
        printText("prompt: \(rendered.prompt)")
        if let negative = rendered.negative, !negative.isEmpty { printText("negative prompt: \(negative)") }
    }
}
