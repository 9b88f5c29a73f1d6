import ArgumentParser
import Comparison
import EngineAPI
import Foundation
import Imaging
import PromptKit
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

    @Option(help: "Engine: local (in process, the default) or a name from the engines settings file ($EASEL_ENGINES, else $XDG_CONFIG_HOME/easel/engines.json).")
    var engine: String?
    @Option(help: "Checkpoint: an SD 1.x or SDXL .safetensors file or diffusers folder (default: the built-in demo model); with a remote --engine, the server's model name (default: the server's current or first model).")
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
    @Option(help: "Noise source: cpu (torch's CPU generator, as A1111's CPU mode), nv (A1111's NV: Philox 4x32-10), comfyui (ComfyUI's start noise, ancestral noise and timesteps), gpu (A1111 servers only).")
    var rng: String?
    @Option(help: "Arithmetic: bf16 (fast; the default where the CPU has AVX512_BF16) or fp32 (precise). Default: $EASEL_PRECISION, else fp32 for small models like the demo model and bf16 for the rest.")
    var precision: String?
    @Option(name: .customLong("lora-dir"), help: "A folder of LoRA/LyCORIS .safetensors files for the prompt's <lora:NAME:WEIGHT> tags (repeatable; searched recursively, first folder first).")
    var loraDirs: [String] = []
    @Option(name: .customLong("embeddings-dir"), help: "A folder of textual-inversion embeddings (.safetensors, A1111 .pt) the prompts may name (repeatable).")
    var embeddingsDirs: [String] = []
    @Option(name: .customLong("wildcards-dir"), help: "A folder of Dynamic Prompts word lists (NAME.txt, one choice a line) for __NAME__ in the prompts (repeatable; then $XDG_DATA_HOME/easel/wildcards). {a|b} choices and __NAME__ are expanded from the seed.")
    var wildcardsDirs: [String] = []
    @Option(name: [.short, .long], help: "Output PNG. With --batch N > 1, files are NAME-1.png … NAME-N.png.")
    var output: String
    @Flag(name: .customLong("no-history"), help: "Do not keep the render in the history ($XDG_DATA_HOME/easel/history).")
    var noHistory = false
    @Option(name: .customLong("xy"), help: "A comparison axis (A1111's X/Y plot): NAME=VALUES, e.g. cfg=4,7,10, seed=1-4, steps=10-30 (+10), sampler=\"Euler a\",Euler, schedule=normal,karras, clip-skip=1,2, sr=SEARCH,REPLACEMENT,… (Prompt S/R), lora:NAME=0-1 [3]. Given once for X (across) and again for Y (down); the output is one labelled grid PNG.")
    var xy: [String] = []
    @Flag(name: .customLong("xy-cells"), help: "With --xy, also write each cell as NAME-cell-N.png (row by row).")
    var xyCells = false
    @OptionGroup(title: "img2img, inpainting, hires fix, few-step models")
    var image: ImageToImageOptions
    @OptionGroup(title: "Variation seeds")
    var variation: VariationOptions

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
        let local = EngineChoice.isLocal(engine)
        let modelFile = local ? try ModelChoice.resolve(model) : nil
        var settings = try baseSettings(model: modelFile)
        try applyFlags(to: &settings)
        // --lora-dir / --embeddings-dir first, then the model library's folders.
        let library = try WorkbenchCommand.library()
        let loraFolders = try Self.folders(loraDirs, "--lora-dir") + library.loras.map(\.path)
        let embeddingFolders = try Self.folders(embeddingsDirs, "--embeddings-dir") + library.embeddings.map(\.path)
        if from != nil {
            let (resolved, notes) = AdapterHashes.resolveByHash(settings, loraFolders: loraFolders.map(URL.init(fileURLWithPath:)))
            settings = resolved
            for note in notes { printError("easel: \(note)") }
        }
        try image.apply(to: &settings)
        if let note = settings.hires?.note { printError("easel: \(note)") }
        try variation.apply(to: &settings)
        settings = try expandWildcards(settings)
        // The LCM hint reads a local file's name and metadata; a remote model has neither here.
        if let modelFile, let note = ModelSamplingHint.apply(to: &settings, model: modelFile,
                                                             explicit: image.modelSampling != nil) {
            printError("easel: \(note)")
        }
        let initImage = try image.initImage(settings: &settings)
        try settings.validate()
        guard settings.rng != .gpu || !local else {
            throw ValidationError("rng: the local engine has 'cpu' (torch's CPU generator), 'nv' (A1111's Philox) and 'comfyui' (ComfyUI's conventions), not 'gpu'")
        }
        if !local, precision != nil { throw ValidationError("precision: applies to the local engine only") }
        let comparison = try xy.isEmpty ? nil : ComparisonOutput(specs: xy, base: settings, output: output, writeCells: xyCells)
        let outputs = try OutputFiles.paths(for: output, count: comparison == nil ? settings.batchSize : 1)
        let engine = try EngineChoice.make(self.engine, local ? try chosenPrecision() : nil, [])
        defer { engine.shutdown() }
        let target = modelFile.map(ModelChoice.engineModel) ?? EngineModel(id: model ?? "", name: model ?? "")
        let interrupt = CancellationFlag()
        let trap = InterruptTrap { interrupt.cancel() }
        defer { trap.release() }
        let bar = ProgressReporter()
        let makeRequest = { (settings: RenderSettings) in
            EngineRequest(settings: settings, initImage: initImage, previewDecoder: image.previewDecoder(),
                          finalDecodeWithPreviewDecoder: image.taesdFinal,
                          loraFolders: loraFolders, embeddingFolders: embeddingFolders)
        }
        let record = { (settings: RenderSettings, run: EngineRun) in
            Self.recorded(settings, run: run, loraFolders: loraFolders, embeddingFolders: embeddingFolders)
        }
        if let comparison {
            try comparison.render(engine: engine, model: target, interrupt: interrupt, bar: bar,
                                  request: makeRequest, record: record, remoteLabel: local ? nil : engine.label)
            return
        }
        let run: EngineRun
        do {
            let request = makeRequest(settings)
            try request.validate(for: engine.capabilities)
            run = try engine.run(request, on: target, interrupt: interrupt) { bar.report($0) }
        } catch EngineError.cancelled {
            bar.finish()
            printError("easel: interrupted; no file written")
            throw ExitCode(130)
        }
        bar.finish()
        for note in run.notes { printError("easel: \(note)") }
        settings = record(settings, run)
        for (image, path) in zip(run.images, outputs) {
            var recorded = settings.asRendered
            recorded.seed = image.seed
            if let variationSeed = image.variationSeed { recorded.variation.seed = variationSeed }
            recorded.batchSize = 1
            // A server's own infotext is kept as it came; a remote render also names its engine.
            var text = [(key: "parameters", value: image.infotext ?? Infotext.format(recorded))]
            if !local { text.append((key: "engine", value: engine.label)) }
            try PNGFile.write(image.image, text: text, to: path)
            printText(path.path)
            if !noHistory { GenerateHistory.record(image.image, settings: recorded, engine: local ? nil : engine.label) }
        }
    }

    /// `settings` as the PNG records them after `run`: the model's name and hash, and the
    /// LoRA and embedding hashes (a LoRA the engine left out, refused or broken, is not recorded).
    static func recorded(_ settings: RenderSettings, run: EngineRun, loraFolders: [String], embeddingFolders: [String]) -> RenderSettings {
        var settings = settings
        settings.modelName = run.model.name
        settings.modelHash = run.model.hash
        let hashes = AdapterHashes.infotextHashes(prompt: settings.prompt, negative: settings.negativePrompt,
                                                  loraFolders: loraFolders.map(URL.init(fileURLWithPath:)),
                                                  embeddingFolders: embeddingFolders.map(URL.init(fileURLWithPath:)))
        settings.loraHashes = hashes.loras.filter { h in !run.notes.contains { $0.contains("lora '\(h.name)'") && $0.contains("without it") } }
        settings.embeddingHashes = hashes.embeddings
        return settings
    }

    /// The prompts with their `{a|b}` choices and `__name__` word lists expanded from the seed
    /// (`--wildcards-dir` folders, then Easel's default), each problem as one `easel:` line.
    private func expandWildcards(_ settings: RenderSettings) throws -> RenderSettings {
        let folders = try Self.folders(wildcardsDirs, "--wildcards-dir").map(URL.init(fileURLWithPath:))
        guard WildcardExpander.hasSyntax(settings.prompt) || WildcardExpander.hasSyntax(settings.negativePrompt) else {
            return settings
        }
        let library = WildcardLibrary.load(folders + [WildcardLibrary.defaultFolder()])
        let (expanded, notes) = settings.expandingWildcards(library.expander)
        for note in library.notes + notes { printError("easel: \(note)") }
        return expanded
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
    /// without AVX512_BF16 runs as fp32-half (fp32 products, the file's 16-bit weights), with a
    /// note for `--precision`.
    private func chosenPrecision() throws -> Precision? {
        guard let precision else { return try Precision.fromEnvironment().map(Precision.resolve) }
        guard let requested = Precision(rawValue: precision) else {
            throw ValidationError("precision: expected fp32, bf16 or fp32-half, got '\(precision)'")
        }
        if Precision.resolve(requested) != requested {
            printError("easel: this CPU has no AVX512_BF16; using fp32 products on the file's fp16/bf16 weights (fp32-half)")
        }
        return Precision.resolve(requested)
    }

    /// Settings from `--from FILE.png`, or the model profile's defaults.
    private func baseSettings(model: URL?) throws -> RenderSettings {
        if let from {
            let text = try PNGFile.readText(from: URL(fileURLWithPath: from))
            guard let parameters = text["parameters"] else {
                throw ValidationError("\(from): no A1111 'parameters' text in this PNG")
            }
            var settings = try CommandLineText.parseInfotext(parameters, file: from)
            if settings.rng == .gpu { settings.rng = .cpu }
            return settings
        }
        return model.map(ModelChoice.defaultSettings) ?? ModelFamily.sd15.profile.defaultSettings()
    }

    private func applyFlags(to settings: inout RenderSettings) throws {
        if let prompt { (settings.prompt, settings.promptTemplate) = (prompt, nil) }
        if let negative { (settings.negativePrompt, settings.negativeTemplate) = (negative, nil) }
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
            guard let source = RNGSource.named(rng) else { throw ValidationError("rng: unknown source '\(rng)'; valid: cpu, nv, comfyui, gpu (A1111 servers only)") }
            settings.rng = source
        }
    }
}
