import ArgumentParser
import EngineAPI
import Foundation
import Imaging
import LocalEngine
import RenderSettings
import Tensor

/// `easel generate`: render images to PNG files carrying A1111 `parameters` text.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Render an image to a PNG file.",
        discussion: """
        Flags left out come from --from FILE.png when given, otherwise from the model's profile. \
        Image i of a batch uses seed+i; --seed -1 picks a random seed, recorded in the PNG.
        """
    )

    @Option(help: "Checkpoint: an SD 1.x or SDXL .safetensors file or diffusers folder (default: the built-in demo model).")
    var model: String?
    @Option(help: "Read prompt and parameters from an A1111 PNG; other flags override them.")
    var from: String?
    @Option(help: "The prompt (A1111 syntax: (word:1.2), [a:b:N], BREAK).")
    var prompt: String?
    @Option(help: "The negative prompt.")
    var negative: String?
    @Option(help: "Sampler id or A1111 name: euler, euler_a, heun, dpm2, dpm2_a, lms, dpmpp_2s_a, dpmpp_2m, dpmpp_sde, dpmpp_2m_sde, lcm, \"DPM++ 2M Karras\", …")
    var sampler: String?
    @Option(help: "Schedule: normal, karras, exponential, sgm_uniform, simple, trailing.")
    var schedule: String?
    @Option(parsing: .unconditional, help: "Sampling steps (≥ 1).")
    var steps: Int?
    @Option(parsing: .unconditional, help: "Classifier-free guidance scale (≥ 0; 1 skips the negative pass).")
    var cfg: Double?
    @Option(parsing: .unconditional, help: "Seed; -1 picks a random one.")
    var seed: String?
    @Option(help: "Width in pixels, a multiple of 8.")
    var width: Int?
    @Option(help: "Height in pixels, a multiple of 8.")
    var height: Int?
    @Option(name: .customLong("clip-skip"), help: "1 = last CLIP layer, 2 = penultimate (SDXL: 1 and 2 both mean the penultimate, as in A1111).")
    var clipSkip: Int?
    @Option(help: "Number of images (seeds seed, seed+1, …).")
    var batch: Int?
    @Option(help: "Noise source: cpu (torch's CPU generator, as ComfyUI and A1111's CPU mode).")
    var rng: String?
    @Option(help: "Arithmetic: bf16 (fast; the default where the CPU has AVX512_BF16) or fp32 (precise). Default: $EASEL_PRECISION, else fp32 for small models like the demo model and bf16 for the rest.")
    var precision: String?
    @Option(name: .customLong("lora-dir"), help: "A folder of LoRA/LyCORIS .safetensors files for the prompt's <lora:NAME:WEIGHT> tags (repeatable; searched recursively, first folder first).")
    var loraDirs: [String] = []
    @Option(name: .customLong("embeddings-dir"), help: "A folder of textual-inversion embeddings (.safetensors, A1111 .pt) the prompts may name (repeatable).")
    var embeddingsDirs: [String] = []
    @Option(name: [.short, .long], help: "Output PNG. With --batch N > 1, files are NAME-1.png … NAME-N.png.")
    var output: String
    @OptionGroup(title: "img2img, inpainting, hires fix, few-step models")
    var image: ImageToImageOptions

    func run() throws {
        do {
            try render()
        } catch let error as ExitCode {
            throw error
        } catch {
            CommandLineIO.fail(error)
        }
    }

    private func render() throws {
        let modelFile = try ModelChoice.resolve(model)
        var settings = try baseSettings(model: modelFile)
        try applyFlags(to: &settings)
        try image.apply(to: &settings)
        if let note = ModelSamplingHint.apply(to: &settings, model: modelFile, explicit: image.modelSampling != nil) {
            printError("easel: \(note)")
        }
        let initImage = try image.initImage(settings: &settings)
        try settings.validate()
        guard settings.rng == .cpu else {
            throw ValidationError("rng: only 'cpu' (torch's CPU generator) is implemented, got '\(settings.rng.rawValue)'")
        }
        let outputs = try OutputFiles.paths(for: output, count: settings.batchSize)
        let engine = EngineChoice.make(try chosenPrecision(), [])
        defer { engine.shutdown() }
        let interrupt = CancellationFlag()
        let trap = InterruptTrap { interrupt.cancel() }
        defer { trap.release() }
        let bar = ProgressReporter()
        let run: EngineRun
        do {
            let request = EngineRequest(settings: settings, initImage: initImage, previewDecoder: image.previewDecoder(),
                                        finalDecodeWithPreviewDecoder: image.taesdFinal,
                                        loraFolders: try Self.folders(loraDirs, "--lora-dir"),
                                        embeddingFolders: try Self.folders(embeddingsDirs, "--embeddings-dir"))
            try request.validate(for: engine.capabilities)
            run = try engine.run(request, on: ModelChoice.engineModel(modelFile),
                                 interrupt: interrupt) { bar.report($0) }
        } catch EngineError.cancelled {
            bar.finish()
            printError("easel: interrupted; no file written")
            throw ExitCode(130)
        }
        bar.finish()
        for note in run.notes { printError("easel: \(note)") }
        settings.modelName = run.model.name
        settings.modelHash = run.model.hash
        for (image, path) in zip(run.images, outputs) {
            var recorded = settings
            recorded.seed = image.seed
            recorded.batchSize = 1
            try PNGFile.write(image.image, text: [(key: "parameters", value: Infotext.format(recorded))], to: path)
            printText(path.path)
        }
    }

    /// The folders of a repeatable folder option, each of which must exist.
    private static func folders(_ paths: [String], _ option: String) throws -> [String] {
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                throw ValidationError("\(option) \(path): no such folder")
            }
        }
        return paths
    }

    /// `--precision`, else `EASEL_PRECISION` (`Precision.fromEnvironment`, an error when it
    /// names no precision), else nil (the pipeline's choice for the model); bf16 on a CPU
    /// without AVX512_BF16 runs in fp32, with a note for `--precision`.
    private func chosenPrecision() throws -> Precision? {
        guard let precision else { return try Precision.fromEnvironment().map(Precision.resolve) }
        guard let requested = Precision(rawValue: precision) else {
            throw ValidationError("precision: expected fp32 or bf16, got '\(precision)'")
        }
        if Precision.resolve(requested) != requested {
            printError("easel: this CPU has no AVX512_BF16; using fp32")
        }
        return Precision.resolve(requested)
    }

    /// Settings from `--from FILE.png`, or the model profile's defaults.
    private func baseSettings(model: URL) throws -> RenderSettings {
        if let from {
            let text = try PNGFile.readText(from: URL(fileURLWithPath: from))
            guard let parameters = text["parameters"] else {
                throw ValidationError("\(from): no A1111 'parameters' text in this PNG")
            }
            var settings = try CommandLineText.parseInfotext(parameters, file: from)
            settings.rng = .cpu
            return settings
        }
        return ModelChoice.defaultSettings(for: model)
    }

    private func applyFlags(to settings: inout RenderSettings) throws {
        if let prompt { settings.prompt = prompt }
        if let negative { settings.negativePrompt = negative }
        if let sampler {
            let found = try SamplerCatalog.lookup(sampler)
            settings.sampler = found.sampler
            settings.schedule = found.schedule ?? found.sampler.automaticSchedule
        }
        if let schedule { settings.schedule = try SamplerCatalog.schedule(named: schedule, for: settings.sampler) }
        if let steps { settings.steps = steps }
        if let cfg { settings.cfgScale = cfg }
        if let seed { settings.seed = try SeedArgument.parse(seed) }
        if let width { settings.width = width }
        if let height { settings.height = height }
        if let clipSkip { settings.clipSkip = clipSkip }
        if let batch { settings.batchSize = batch }
        if let rng {
            guard let source = RNGSource.named(rng) else { throw ValidationError("rng: unknown source '\(rng)'; valid: cpu") }
            settings.rng = source
        }
    }
}
