import Catalog
import EngineAPI
import Foundation
import Imaging
import RenderSettings

/// An `ImageEngine` on a ComfyUI server: each image is an API-format graph filled from a
/// template (`ComfyGraphTemplate`), queued with `POST /prompt`, followed on the `/ws` stream
/// (progress, live previews, the end, errors) and fetched through `/history` and `/view`.
/// Image i of a batch is its own prompt with seed + i, as Easel's engine seeds batches.
/// `<lora:…>` tags and init images (img2img, inpainting, Kontext) are edits of the filled
/// graph (`ComfyEngine+Graph.swift`: `ComfyLoraChain`, `ComfyInitImageEdit`, `ComfyUpload`).
public final class ComfyEngine: ImageEngine, @unchecked Sendable {
    public let config: RemoteEngineConfig
    let http: HTTPClient
    private let credentials: BasicCredentials?
    private let jobs: RemoteJobQueue
    private let lock = NSLock()
    private var server: ComfyServer?
    /// The prompt on the server now, so `shutdown` can stop it before the process exits.
    private var runningPrompt: String?

    public init(config: RemoteEngineConfig) throws {
        self.config = config
        credentials = try config.credentials()
        http = HTTPClient(base: config.url, credentials: credentials)
        jobs = RemoteJobQueue(label: config.name)
        if let template = config.template { _ = try ComfyGraphTemplate.load(template) }
    }

    public var label: String { config.label }

    public var capabilities: EngineCapabilities {
        lock.lock(); let known = server; lock.unlock()
        return EngineCapabilities(
            families: [.sd1, .sd2, .sdxl, .sd3, .flux],
            samplers: known.map { s in Sampler.allCases.filter { s.samplerNames[$0] != nil } } ?? Sampler.allCases,
            schedules: known.map { s in Schedule.allCases.filter { s.scheduleNames[$0] != nil } } ?? Schedule.allCases,
            maximumSide: RenderSettings.maximumSide, imageToImage: true, lora: true)
    }

    public func availableModels() -> [EngineModel] { (try? readServer().engineModels) ?? [] }

    /// The server's LoRAs (`LoraLoader`'s `lora_name` choices, one `/object_info` request),
    /// named as a tag calls them; the path is the server's file name, the size unknown (0).
    public func availableAdapters() -> [AdapterFile]? {
        guard let files = try? ComfyServer.choices(http, node: "LoraLoader", input: "lora_name", timeout: 10) else { return nil }
        return files.map { AdapterFile(kind: .lora, name: ComfyServer.name(of: $0), format: "LoRA", bytes: 0, path: $0) }
    }

    public func connect() throws -> [EngineModel] { try RemoteEngineError.atServer(config.url) { try readServer().engineModels } }

    /// What the server offered when last read, else read now.
    func knownServer() throws -> ComfyServer {
        lock.lock(); let known = server; lock.unlock()
        return try known ?? readServer()
    }

    func readServer() throws -> ComfyServer {
        let facts = try ComfyServer.read(from: http)
        lock.lock(); server = facts; lock.unlock()
        return facts
    }

    /// Checks that the server has `model` (an empty id means its first checkpoint).
    public func load(_ model: EngineModel, onEvent: @escaping @Sendable (EngineEvent) -> Void) {
        jobs.load(model, onEvent: onEvent) { [self] in
            let facts = try readServer()
            let wanted = model.id.isEmpty ? (facts.checkpoints.first ?? "") : model.id
            guard let found = facts.model(named: wanted) else {
                let names = facts.engineModels.map { URL(fileURLWithPath: $0.id).lastPathComponent }
                throw RemoteEngineError.refused(
                    "model '\(wanted)' is not on \(config.label) (it has: \(names.isEmpty ? "no models" : names.joined(separator: ", ")))")
            }
            return (ComfyServer.withMetadataGuess(found, http: http), [])
        }
    }

    @discardableResult
    public func submit(_ request: EngineRequest, onEvent: @escaping @Sendable (EngineEvent) -> Void) -> EngineJob {
        jobs.submit(request, onEvent: onEvent) { [self] request, model, job in
            let (request, note) = request.fittingInitImage()
            if let note { onEvent(.note(note)) }
            let settings = request.settings
            let started = Date()
            return try (0..<settings.batchSize).map { index in
                var one = settings
                one.seed = settings.seed &+ UInt64(index)
                one.batchSize = 1
                var single = request
                single.settings = one
                let image = try renderOne(single, model: model, job: job) { step, total, preview in
                    onEvent(.progress(GenerationProgress(step: step, totalSteps: total, imageIndex: index,
                                                         imageCount: settings.batchSize,
                                                         elapsed: Date().timeIntervalSince(started), preview: preview)))
                }
                return GeneratedImage(image: image, seed: one.seed)
            }
        }
    }

    /// Cancels the running job and, when a prompt is on the server, stops it there before
    /// returning (`POST /queue` delete and `POST /interrupt` with its id, a few seconds at
    /// most), so quitting mid-render leaves the server idle.
    public func shutdown() {
        jobs.cancelRunning()
        lock.lock(); let prompt = runningPrompt; lock.unlock()
        if let prompt { interrupt(prompt) }
    }

    /// Asks the server to drop `promptID` from its queue and to stop it if it is running
    /// (ComfyUI's `server.py` `post_interrupt` stops only the prompt with that id).
    func interrupt(_ promptID: String) {
        _ = try? http.post("/queue", json: ["delete": [promptID]], timeout: 5)
        _ = try? http.post("/interrupt", json: ["prompt_id": promptID], timeout: 5)
    }

    /// Blocks until every queued load and job has finished (for tests).
    public func waitUntilIdle() { jobs.waitUntilIdle() }

    // MARK: one prompt

    /// Queues a graph; a refused one is one line with ComfyUI's message and `node_errors`.
    func queue(_ graph: [String: JSONValue], clientID: String) throws -> String {
        let (status, data) = try http.postForStatus("/prompt", json: ComfyAPI.PromptRequest(prompt: graph, client_id: clientID))
        guard status == 200 else {
            let error = try? JSONDecoder().decode(ComfyAPI.PromptError.self, from: data)
            let summary = error?.summary ?? String(decoding: data.prefix(200), as: UTF8.self)
            throw RemoteEngineError.refused("\(config.label) refused the graph: \(summary)")
        }
        return try http.decode(ComfyAPI.PromptResponse.self, from: data, path: "/prompt").prompt_id
    }

    private func renderOne(_ request: EngineRequest, model: EngineModel, job: EngineJob,
                           progress: (Int, Int, RGBImage?) -> Void) throws -> RGBImage {
        let graph = try graph(for: request, model: model)
        let clientID = UUID().uuidString.lowercased()
        let socket = try ComfyWebSocket.connect(base: config.url, clientID: clientID, credentials: credentials, timeout: 30)
        defer { socket.close() }
        let promptID = try queue(graph, clientID: clientID)
        lock.lock(); runningPrompt = promptID; lock.unlock()
        defer { lock.lock(); runningPrompt = nil; lock.unlock() }
        try follow(socket, promptID: promptID, job: job, progress: progress)
        return try fetchImage(promptID: promptID)
    }

    /// Reads `/ws` until the prompt ends: `executing` with `node: null` (done),
    /// `execution_error` (failed), `execution_interrupted` (cancelled). A cancelled job asks
    /// the server to stop this prompt (`POST /interrupt` with its id; `POST /queue` deletes it
    /// when it has not started).
    private func follow(_ socket: ComfyWebSocket, promptID: String, job: EngineJob,
                        progress: (Int, Int, RGBImage?) -> Void) throws {
        let deadline = Date().addingTimeInterval(config.jobTimeout)
        var step = (0, settingsSteps: 0)
        var interruptSent: Date?
        while true {
            if job.isCancelled, interruptSent == nil {
                interruptSent = Date()
                interrupt(promptID)
            }
            // ComfyUI stops at the end of the running step; a CPU step can take tens of seconds.
            if let sent = interruptSent, Date().timeIntervalSince(sent) > 120 { throw EngineError.cancelled }
            guard Date() < deadline else { throw RemoteEngineError.timeout(url: http.url("/ws").absoluteString, seconds: config.jobTimeout) }
            guard let frame = socket.next(timeout: 0.1) else { continue }
            switch frame {
            case .closed:
                throw RemoteEngineError.unreachable(url: http.url("/ws").absoluteString, reason: "the websocket closed during the job")
            case .preview(let preview):
                guard preview.promptID == nil || preview.promptID == promptID, step.0 > 0,
                      let image = try? preview.decoded() else { continue }
                progress(step.0, step.settingsSteps, image)
            case .message(let message):
                let data = message.data
                guard data?["prompt_id"]?.string == promptID else { continue }
                switch message.type {
                case "progress":
                    guard case .integer(let value)? = data?["value"], case .integer(let max)? = data?["max"] else { continue }
                    step = (Int(value), Int(max))
                    progress(Int(value), Int(max), nil)
                case "executing":
                    if case .null? = data?["node"] {
                        if interruptSent != nil { throw EngineError.cancelled }
                        return
                    }
                case "execution_error":
                    let node = data?["node_id"]?.string ?? "?", type = data?["node_type"]?.string ?? "?"
                    let reason = data?["exception_message"]?.string?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "error"
                    throw RemoteEngineError.refused("\(config.label): node \(node) \(type) failed: \(reason.split(separator: "\n").first ?? "")")
                case "execution_interrupted":
                    throw EngineError.cancelled
                default:
                    continue
                }
            }
        }
    }

    /// The prompt's first saved image, from `/history/{id}` and `/view`.
    private func fetchImage(promptID: String) throws -> RGBImage {
        let path = "/history/\(promptID)"
        let history = try http.getJSON([String: ComfyAPI.HistoryItem].self, path)
        guard let item = history[promptID],
              let ref = item.outputs.sorted(by: { $0.key < $1.key }).compactMap({ $0.value.images?.first }).first else {
            throw RemoteEngineError.badResponse(url: http.url(path).absoluteString, reason: "the prompt saved no image")
        }
        var query = URLComponents()
        query.queryItems = [URLQueryItem(name: "filename", value: ref.filename), URLQueryItem(name: "subfolder", value: ref.subfolder),
                            URLQueryItem(name: "type", value: ref.type)]
        let bytes = try http.get("/view?" + (query.percentEncodedQuery ?? ""), timeout: 60)
        return try PNGDecoder.decode([UInt8](bytes), path: ref.filename).image
    }
}
