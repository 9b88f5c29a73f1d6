import ArgumentParser
import Foundation
import PromptKit
import RenderSettings
import Tokenizer

/// `easel prompt lint (--grid FILE | --preset NAME | --prompt TEXT --dialect D)
///  [--cfg X] [--width W] [--height H] [--negative TEXT] [--strict]`
struct PromptLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Warn where a prompt breaks its model family's advice.",
        discussion: """
        Prints one warning per line as 'rule: reason' (rules: cfg, size, negative, quality-tags, \
        words, quoted-text, tokens, score-prefix, dialect) and nothing when the prompt is clean. \
        Exits 0 even with warnings, unless --strict is given (then 1 when there are warnings); \
        bad input exits 1 with an error.
        """
    )

    @Option(help: "A grid file (JSON).")
    var grid: String?

    @Option(help: "A preset name; its CFG and size are checked too.")
    var preset: String?

    @Option(help: "A prompt already written in a dialect (needs --dialect).")
    var prompt: String?

    @Option(help: "sd15, sdxl, pony, flux, midjourney or natural.")
    var dialect: String?

    @Option(help: "CFG scale to check.")
    var cfg: Double?

    @Option(help: "Image width to check.")
    var width: Int?

    @Option(help: "Image height to check.")
    var height: Int?

    @Option(help: "Negative prompt to check.")
    var negative: String?

    @Option(help: "Sampling steps to check.")
    var steps: Int?

    @Option(help: "Model or LoRA name: a few-step model (LCM, Turbo, Lightning) is checked against its own steps and CFG.")
    var model: String?

    @Flag(help: "Exit with status 1 when there are warnings.")
    var strict = false

    func run() throws {
        try CommandLineText.checkArgumentsAreUTF8()
        let family = try CommandLineText.family(dialect)
        var input = try lintInput(family: family)
        if let cfg { input.cfg = cfg }
        if let width { input.width = width }
        if let height { input.height = height }
        if let steps { input.steps = steps }
        if let model { input.fewStep = FewStepProfiles.profile(forName: model) }
        if let negative {
            try CommandLineText.checkLength(negative, name: "--negative")
            input.negative = negative
        }
        let warnings = PromptLinter(tokenCounter: tokenCounter(for: input)).lint(input)
        warnings.forEach { printText("\($0)") }
        if strict && !warnings.isEmpty { throw ExitCode(1) }
    }

    /// The CLIP token counter for families that use CLIP chunks; without the vocabulary the
    /// `tokens` rule is skipped with a note on standard error.
    private func tokenCounter(for input: LintInput) -> CLIPSectionTokenCounter? {
        guard input.family.profile.usesCLIPChunks else { return nil }
        do {
            return CLIPSectionTokenCounter(tokenizer: try CLIPTokenizer.locateDefault(), steps: input.steps ?? 20)
        } catch {
            printError("note: \(error); the tokens rule is skipped")
            return nil
        }
    }

    private func lintInput(family: ModelFamily?) throws -> LintInput {
        switch (grid, preset, prompt) {
        case (let path?, nil, nil):
            return LintInput(grid: try PromptGrid.load(from: URL(fileURLWithPath: path)), family: family)
        case (nil, let name?, nil):
            return LintInput(preset: try PresetStore.standard.load(name), family: family)
        case (nil, nil, let text?):
            guard let family else { throw CLIError("--prompt needs --dialect (\(ModelFamily.validNames))") }
            try CommandLineText.checkLength(text, name: "--prompt")
            return LintInput(prompt: text, family: family)
        default:
            throw CLIError("give exactly one of --grid FILE, --preset NAME or --prompt TEXT")
        }
    }
}
