import Catalog
import EngineAPI
import Foundation
import Imaging
import RenderSettings

/// An `ImageEngine` on a server with A1111's web API (A1111, Forge, SD.Next,
/// stable-diffusion.cpp's `sd-server`): `POST /sdapi/v1/txt2img` (with the hires fix) and
/// `/sdapi/v1/img2img` (with a mask: inpainting), the server's LoRAs, progress and the preview
/// polled from `/sdapi/v1/progress`, cancellation through `/sdapi/v1/interrupt`, where the
/// server has them (`A1111Server` reads what it offers).
public final class A1111Engine: ImageEngine, @unchecked Sendable {
    public let config: RemoteEngineConfig
    let http: HTTPClient
    private let jobs: RemoteJobQueue
    private let lock = NSLock()
    private var server: A1111Server?
    /// Whether a txt2img or img2img request is on the server now (`shutdown` interrupts it).
    private var busy = false

    public init(config: RemoteEngineConfig) throws {
        self.config = config
        http = HTTPClient(base: config.url, credentials: try config.credentials())
        jobs = RemoteJobQueue(label: config.name)
    }

    public var label: String { config.label }

    public var capabilities: EngineCapabilities {
        let known = cachedServer()
        var capabilities = EngineCapabilities(
            families: [.sd1, .sd2, .sdxl, .sd3, .flux],
            samplers: known.map { s in Sampler.allCases.filter { s.samplerNames[$0] != nil } } ?? Sampler.allCases,
            schedules: known.map { s in s.scheduleNames.isEmpty ? Schedule.allCases : Schedule.allCases.filter { s.scheduleNames[$0] != nil } }
                ?? Schedule.allCases,
            maximumSide: RenderSettings.maximumSide,
            imageToImage: true, lora: known?.loras != nil,
            interrupt: known?.hasProgress ?? true, liveProgress: known?.hasProgress ?? true)
        capabilities.noiseSources = [.cpu, .gpu, .nv]   // A1111 `randn_source`
        return capabilities
    }

    public func availableModels() -> [EngineModel] {
        (try? readServer().engineModels) ?? []
    }

    /// The server's `/sdapi/v1/loras`, read now; nil when it has none (the browser then shows
    /// the library folders here, which this server cannot read).
    public func availableAdapters() -> [AdapterFile]? {
        guard let loras = try? http.getJSON([A1111API.LoraItem].self, "/sdapi/v1/loras") else { return nil }
        lock.lock(); server?.loras = loras; lock.unlock()
        return A1111Server.adapterFiles(loras)
    }

    public func connect() throws -> [EngineModel] { try RemoteEngineError.atServer(config.url) { try readServer().engineModels } }

    /// The server's facts, read now (and kept for `capabilities`).
    func readServer() throws -> A1111Server {
        let facts = try A1111Server.read(from: http)
        lock.lock(); server = facts; lock.unlock()
        return facts
    }

    private func cachedServer() -> A1111Server? {
        lock.lock(); defer { lock.unlock() }
        return server
    }

    /// Checks that the server has `model` (an empty id means the server's current checkpoint).
    public func load(_ model: EngineModel, onEvent: @escaping @Sendable (EngineEvent) -> Void) {
        jobs.load(model, onEvent: onEvent) { [self] in
            let facts = try readServer()
            let wanted = model.id.isEmpty ? (facts.currentModel ?? facts.models.first?.title ?? "") : model.id
            guard let found = facts.model(named: wanted) else {
                let names = facts.models.map(\.model_name).joined(separator: ", ")
                throw RemoteEngineError.refused(
                    "model '\(wanted)' is not on \(config.label) (it has: \(names.isEmpty ? "no models" : names))")
            }
            let notes = facts.hasProgress ? [] : [
                "\(config.label) reports no progress and cannot interrupt a job (no /sdapi/v1/progress or /interrupt); a cancelled job still runs to its end there",
            ]
            return (A1111Server.engineModel(found), notes)
        }
    }

    @discardableResult
    public func submit(_ request: EngineRequest, onEvent: @escaping @Sendable (EngineEvent) -> Void) -> EngineJob {
        jobs.submit(request, onEvent: onEvent) { [self] request, model, job in
            try render(request, model: model, job: job, onEvent: onEvent)
        }
    }

    /// Cancels the running job and, on a server with `/sdapi/v1/interrupt`, stops it there
    /// before returning (a few seconds at most); `sd-server` has none and finishes the job.
    public func shutdown() {
        jobs.cancelRunning()
        lock.lock(); let running = busy; lock.unlock()
        if running, cachedServer()?.hasProgress == true { _ = try? http.post("/sdapi/v1/interrupt", timeout: 5) }
    }

    /// Blocks until every queued load and job has finished (for tests).
    public func waitUntilIdle() { jobs.waitUntilIdle() }

    private func render(_ request: EngineRequest, model: EngineModel, job: EngineJob,
                        onEvent: @escaping @Sendable (EngineEvent) -> Void) throws -> [GeneratedImage] {
        let settings = request.settings
        var facts = try cachedServer() ?? readServer()
        if facts.loras != nil, settings.prompt.contains("<lora:") || settings.prompt.contains("<lyco:"),
           let fresh = try? http.getJSON([A1111API.LoraItem].self, "/sdapi/v1/loras") {
            facts.loras = fresh   // a LoRA put on the server since the engine connected counts
            lock.lock(); server?.loras = fresh; lock.unlock()
        }
        let work = try self.job(for: request, model: model, facts: facts)
        for note in work.notes { onEvent(.note(note)) }
        let started = Date()
        let poller = facts.hasProgress ? ProgressPoller(http: http, settings: settings, started: started, onEvent: onEvent) : nil
        poller?.start()
        defer { poller?.stop() }
        let data: Data
        lock.lock(); busy = true; lock.unlock()
        defer { lock.lock(); busy = false; lock.unlock() }
        do {
            data = try http.post(work.path, json: work.body, timeout: config.jobTimeout,
                                 cancel: CancelToken { job.isCancelled })
        } catch is CancelToken.Cancelled {
            if facts.hasProgress { _ = try? http.post("/sdapi/v1/interrupt", timeout: 10) }
            throw EngineError.cancelled
        }
        let response = try http.decode(A1111API.Txt2ImgResponse.self, from: data, path: work.path)
        return try images(in: response, settings: settings, path: work.path)
    }

    /// The decoded images with their seeds (`info.all_seeds`, else seed + i) and the server's
    /// infotext as it came: the PNG's `parameters` chunk, else `info.infotexts`.
    func images(in response: A1111API.Txt2ImgResponse, settings: RenderSettings, path: String) throws -> [GeneratedImage] {
        let info = response.info.flatMap { $0.data(using: .utf8) }
            .flatMap { try? JSONDecoder().decode(A1111API.Info.self, from: $0) }
        guard !response.images.isEmpty else {
            throw RemoteEngineError.badResponse(url: http.url(path).absoluteString, reason: "no images")
        }
        return try response.images.prefix(settings.batchSize).enumerated().map { index, encoded in
            let png = try Self.decodePNG(encoded, field: "images[\(index)]")
            let seed = info?.all_seeds?[safe: index] ?? (settings.seed &+ UInt64(index))
            let infotext = png.text["parameters"] ?? info?.infotexts?[safe: index]
            return GeneratedImage(image: png.image, seed: seed, infotext: infotext.flatMap { $0.isEmpty ? nil : $0 })
        }
    }

    static func decodePNG(_ base64: String, field: String) throws -> PNGContents {
        let text = base64.split(separator: ",").last.map(String.init) ?? base64   // a data: URL's tail
        guard let data = Data(base64Encoded: text) else {
            throw RemoteEngineError.badResponse(url: field, reason: "\(field) is not base64")
        }
        return try PNGDecoder.decode([UInt8](data), path: field)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
