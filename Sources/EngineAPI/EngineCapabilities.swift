import Catalog
import RenderSettings

/// What an engine can render; requests beyond it are refused before they are queued.
public struct EngineCapabilities: Equatable, Sendable {
    public var families: Set<CheckpointFamily>
    public var samplers: [Sampler]
    public var schedules: [Schedule]
    public var maximumSide: Int
    public var imageToImage: Bool
    public var lora: Bool
    /// Whether it renders `EngineRequest.draftScale` passes.
    public var drafts: Bool
    /// Whether a running job can be stopped (stable-diffusion.cpp's `sd-server` has no
    /// interrupt: a cancelled job's result is dropped, but the server finishes it).
    public var interrupt: Bool
    /// Whether it reports progress while a job runs (`sd-server` reports only the end).
    public var liveProgress: Bool
    /// Whether it renders A1111's variation seeds and seed resize (`RenderSettings.variation`,
    /// `seedResizeFrom`); set after construction (`InProcessEngine` does).
    public var variationSeeds = false
    /// The noise sources (and their sampling conventions) it renders as asked: a PNG made with
    /// another keeps its settings but is noted as rendering differently.
    public var noiseSources: Set<RNGSource> = [.cpu]

    public init(families: Set<CheckpointFamily>, samplers: [Sampler], schedules: [Schedule], maximumSide: Int,
                imageToImage: Bool = false, lora: Bool = false, drafts: Bool = false,
                interrupt: Bool = true, liveProgress: Bool = true) {
        self.families = families
        self.samplers = samplers
        self.schedules = schedules
        self.maximumSide = maximumSide
        self.imageToImage = imageToImage
        self.lora = lora
        self.drafts = drafts
        self.interrupt = interrupt
        self.liveProgress = liveProgress
    }
}
