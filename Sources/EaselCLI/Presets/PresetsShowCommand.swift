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
        print("name: \(preset.name)\(builtIn ? " (built-in, read-only)" : "")")
        if !preset.description.isEmpty { print("description: \(preset.description)") }
        print("dialect: \(preset.dialect.rawValue)")
        print("model: \(preset.modelPath ?? "(none)")")
        print("settings: \(Infotext.parameterLine(preset.settings))")
        if let style = preset.style { print("style: \(style.name): \(style.prompt)") }
        print("grid:")
        for (field, row) in preset.grid.filledRows {
            let weight = row.weight.map { "  (weight \($0))" } ?? ""
            let label = field.label.padding(toLength: 15, withPad: " ", startingAt: 0)
            print("  \(label)\(row.value)\(row.qualifier.isEmpty ? "" : " | \(row.qualifier)")\(weight)")
        }
        if !preset.grid.extraTags.isEmpty { print("  \("extra tags".padding(toLength: 15, withPad: " ", startingAt: 0))\(preset.grid.extraTags.joined(separator: ", "))") }
        if !preset.grid.negative.isEmpty { print("  \("negative".padding(toLength: 15, withPad: " ", startingAt: 0))\(preset.grid.negative)") }
        let rendered = preset.render()
        print("prompt: \(rendered.prompt)")
        if let negative = rendered.negative, !negative.isEmpty { print("negative prompt: \(negative)") }
    }
}
