import EngineAPI
import Foundation
import Imaging

/// A test engine: it records every load and request, and answers each job with one grey
/// image of the requested size per batch item, after one progress report. Its model hash is
/// a fixed string, so a test can see that the hash came through the seam.
final class RecordingEngine: ImageEngine, @unchecked Sendable {
    static let hash = "0123456789"
    let capabilities = EngineCapabilities(families: [.sd1], samplers: [.eulerA], schedules: [.normal], maximumSide: 2048)
    private let lock = NSLock()
    private(set) var loads: [EngineModel] = []
    private(set) var requests: [EngineRequest] = []

    func availableModels() -> [EngineModel] { [EngineModel(id: "/models/recorded.safetensors", name: "recorded")] }

    func load(_ model: EngineModel, onEvent: @escaping @Sendable (EngineEvent) -> Void) {
        lock.lock(); loads.append(model); lock.unlock()
        onEvent(.modelLoading(model))
        onEvent(.modelLoaded(model))
        var described = model
        described.hash = Self.hash
        onEvent(.modelUpdated(described))
    }

    func submit(_ request: EngineRequest, onEvent: @escaping @Sendable (EngineEvent) -> Void) -> EngineJob {
        lock.lock(); requests.append(request); lock.unlock()
        let s = request.settings
        onEvent(.started)
        onEvent(.progress(GenerationProgress(step: 1, totalSteps: s.steps, imageIndex: 0, imageCount: s.batchSize, elapsed: 0)))
        let grey = try! RGBImage(width: s.width, height: s.height, pixels: [UInt8](repeating: 128, count: 3 * s.width * s.height))
        let images = (0..<s.batchSize).map { GeneratedImage(image: grey, seed: s.seed &+ UInt64($0)) }
        onEvent(.finished(images, seconds: 0))
        return EngineJob()
    }

    func shutdown() {}
}
