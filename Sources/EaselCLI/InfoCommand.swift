import ArgumentParser
import Foundation
import Imaging
import LocalEngine
import RenderSettings

/// `easel info FILE.png`: the A1111 `parameters` text of a PNG, as stored, or parsed.
/// `easel info MODEL`: what a checkpoint is (`ModelDescription`: family, networks, dtypes,
/// metadata), also for families Easel cannot render.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Print the A1111 parameters stored in a PNG, or describe a model file or folder."
    )

    @Argument(help: "A PNG that stores A1111 infotext, or a .safetensors checkpoint or diffusers folder.")
    var file: String

    @Flag(help: "Print the parsed settings, one `key: value` per line, instead of the raw text.")
    var parsed = false

    func run() throws {
        guard file.lowercased().hasSuffix(".png") else { return describeModel() }
        do {
            let text = try PNGFile.readText(from: URL(fileURLWithPath: file))
            guard let parameters = text["parameters"] else {
                throw CLIError("\(file): no A1111 'parameters' text in this PNG")
            }
            guard parsed else { printText(parameters); return }
            let s = try CommandLineText.parseInfotext(parameters, file: file)
            var lines = [("prompt", s.prompt), ("negative", s.negativePrompt), ("steps", String(s.steps)),
                         ("sampler", s.sampler.id), ("schedule", s.schedule.id), ("cfg", String(s.cfgScale)),
                         ("seed", String(s.seed)), ("size", "\(s.width)x\(s.height)"), ("clip skip", String(s.clipSkip)),
                         ("rng", s.rng.rawValue)]
            if let name = s.modelName { lines.append(("model", name)) }
            if let hash = s.modelHash { lines.append(("model hash", hash)) }
            lines += s.extraParameters.map { ($0.key, $0.value) }
            for (key, value) in lines { printText("\(key): \(value)") }
        } catch {
            CommandLineIO.fail(error)
        }
    }

    private func describeModel() {
        do {
            let url = URL(fileURLWithPath: (file as NSString).expandingTildeInPath)
            guard FileManager.default.fileExists(atPath: url.path) else { throw CLIError("\(file): no such file or folder") }
            for line in try ModelDescription.describe(url).lines { print("\(line.key): \(line.value)") }
        } catch {
            CommandLineIO.fail(error)
        }
    }
}
