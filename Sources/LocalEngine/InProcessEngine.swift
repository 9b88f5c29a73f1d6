import Catalog
import Diffusion
import EngineAPI
import Foundation
import Models
import RenderSettings
import Tensor

/// The engine that renders in this process, on the CPU: SD 1.x and SDXL single files and
/// diffusers folders through `StableDiffusionPipeline`. One serial queue runs loads and jobs in order,
/// so a job submitted after `load` waits for it; text conditioning stays cached in the loaded
/// pipeline across jobs, so a job that only changes CFG, steps or the seed encodes nothing.
public final class InProcessEngine: ImageEngine, @unchecked Sendable {
    public let capabilities: EngineCapabilities = {
        var capabilities = EngineCapabilities(
            families: ArchitectureDetector.loadableFamilies, samplers: Sampler.allCases, schedules: Schedule.allCases,
            maximumSide: RenderSettings.maximumSide, imageToImage: true, lora: true, drafts: true)
        capabilities.variationSeeds = true
        capabilities.noiseSources = [.cpu, .nv, .comfyui]
        return capabilities
    }()

    /// Folders whose models `availableModels()` lists, besides the demo model.
    public let modelFolders: [URL]
    /// The arithmetic asked for; nil lets `StableDiffusionPipeline.automaticPrecision` choose.
    public let precision: Precision?
    /// The LoRA and embedding folders, and the adapter files opened from them.
    public let library: AdapterLibrary
    private let queue = DispatchQueue(label: "easel.in-process-engine", qos: .userInitiated)
    private let lock = NSLock()
    private var pipeline: StableDiffusionPipeline?
    private var loaded: EngineModel?
    private var loadError: String?
    private var running: EngineJob?
    private let taesd = TAESDLocator()

    public init(modelFolders: [URL] = [], precision: Precision? = nil, library: AdapterLibrary = AdapterLibrary()) {
        self.modelFolders = modelFolders
        self.precision = precision
        self.library = library
    }

    /// The model at `path`, named as A1111 names it, with its family and title from its
    /// header(s) alone (nil when they cannot be read) and the demo model's own advice or a
    /// few-step model's (`FewStepProfiles`: LCM, Turbo, Lightning by name).
    public static func model(at path: String) -> EngineModel {
        let url = URL(fileURLWithPath: path)
        let name = url.deletingPathExtension().lastPathComponent
        let fewStep = FewStepProfiles.profile(forName: name).map {
            ModelAdvice(steps: $0.steps, cfg: $0.cfg, maxSide: $0.maxSide)
        }
        return EngineModel(id: url.standardizedFileURL.path, name: name,
                           family: try? ArchitectureDetector.probe(url), title: CheckpointMetadata.read(url).title,
                           advice: DemoModel.isDemoModel(url) ? DemoModel.advice : fewStep)
    }

    /// `model` with the family and title its header(s) give, where it lacks them (a path typed
    /// by hand rather than picked from `availableModels`).
    static func described(_ model: EngineModel) -> EngineModel {
        guard model.family == nil || model.title == nil else { return model }
        let probed = Self.model(at: model.id)
        var described = model
        described.family = model.family ?? probed.family
        described.title = model.title ?? probed.title
        return described
    }

    public func availableModels() -> [EngineModel] {
        let demo = DemoModel.locate()
        let folders = modelFolders + [demo?.deletingLastPathComponent()].compactMap { $0 }
        return ModelFinder.find(in: folders, including: nil).map(Self.model(at:))
    }

    public func load(_ model: EngineModel, onEvent: @escaping @Sendable (EngineEvent) -> Void) {
        lock.lock()
        running?.cancel()
        lock.unlock()
        queue.async { [self] in
            onEvent(.modelLoading(model))
            let url = URL(fileURLWithPath: model.id)
            let model = Self.described(model)
            do {
                let pipeline = try StableDiffusionPipeline.load(url, precision: precision)
                setLoaded(pipeline, model, error: nil)
                onEvent(.modelLoaded(model))
                if let note = Self.precisionNote(pipeline) { onEvent(.note(note)) }
            } catch {
                setLoaded(nil, model, error: String(describing: error))
                onEvent(.modelFailed(model, message: String(describing: error)))
                return
            }
            // A1111's short hash takes seconds for a large file: reported when it is ready,
            // while the first job already runs.
            DispatchQueue.global(qos: .utility).async {
                var described = model
                described.hash = try? ModelHash.shortHash(of: ModelHash.hashedFile(for: url))
                onEvent(.modelUpdated(described))
            }
        }
    }

    @discardableResult
    public func submit(_ request: EngineRequest, onEvent: @escaping @Sendable (EngineEvent) -> Void) -> EngineJob {
        let job = EngineJob()
        lock.lock()
        running?.cancel()
        running = job
        lock.unlock()
        queue.async { [self] in
            if job.isCancelled { onEvent(.cancelled); return }
            let (pipeline, problem) = current()
            guard let pipeline else { onEvent(.failed(problem)); return }
            onEvent(.started)
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                try request.validate()
                let (fitted, note) = request.fittingInitImage()
                if let note { onEvent(.note(note)) }
                try usePreviewDecoder(of: fitted, in: pipeline)
                var adapters = RenderAdapters.none
                if let binding = pipeline.adapterBinding {
                    let (found, notes) = library.adapters(for: fitted, binding: binding)
                    adapters = found
                    for note in notes { onEvent(.note("warning: " + note)) }
                }
                let images = try pipeline.generate(fitted, adapters: adapters, cancellation: job.flag) { onEvent(.progress($0)) }
                onEvent(.finished(images, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            } catch EngineError.cancelled {
                onEvent(.cancelled)
            } catch {
                onEvent(.failed(String(describing: error)))
            }
        }
        return job
    }

    /// Sets the pipeline's TAESD (or none) for this job.
    private func usePreviewDecoder(of request: EngineRequest, in pipeline: StableDiffusionPipeline) throws {
        lock.lock()
        let model = loaded.map { URL(fileURLWithPath: $0.id) } ?? URL(fileURLWithPath: ".")
        lock.unlock()
        pipeline.taesd = try taesd.decoder(request.previewDecoder, fileName: pipeline.latentFormat.taesdDecoderFile,
                                           model: model, folders: modelFolders)
        pipeline.finalDecodeWithTAESD = request.finalDecodeWithPreviewDecoder
    }

    public func shutdown() {
        lock.lock()
        running?.cancel()
        lock.unlock()
    }

    /// Blocks until every queued load and job has finished (for tests and orderly shutdown).
    public func waitUntilIdle() { queue.sync {} }

    private func setLoaded(_ pipeline: StableDiffusionPipeline?, _ model: EngineModel, error: String?) {
        lock.lock()
        self.pipeline = pipeline
        loaded = model
        loadError = error
        lock.unlock()
    }

    private func current() -> (StableDiffusionPipeline?, String) {
        lock.lock()
        defer { lock.unlock() }
        return (pipeline, loadError ?? "no model loaded")
    }

    /// OpenBLAS's core-type note, which matters only for large models running in fp32.
    private static func precisionNote(_ pipeline: StableDiffusionPipeline) -> String? {
        guard pipeline.unet.precision.multipliesInFP32,
              pipeline.unet.config.modelChannels >= StableDiffusionPipeline.smallModelChannels else { return nil }
        return BLAS.coreTypeNote
    }
}
