import PromptKit
import RenderSettings

/// What the user edits and what undo/redo restores: the grid (with its model family), the render
/// settings, whether the seed stays fixed, and the model file.
public struct Document: Equatable, Sendable {
    public var grid: PromptGrid
    /// Steps, sampler, CFG, size, seed, …; `prompt` and `negativePrompt` are filled from the grid
    /// when a render starts.
    public var settings: RenderSettings
    /// When false, every render draws a new random seed (and records it in `settings.seed`).
    public var seedLocked: Bool
    public var modelPath: String?

    public init(grid: PromptGrid = PromptGrid(), settings: RenderSettings? = nil, seedLocked: Bool = true,
                modelPath: String? = nil) {
        self.grid = grid
        self.settings = settings ?? grid.family.profile.defaultSettings()
        self.seedLocked = seedLocked
        self.modelPath = modelPath
    }

    public var family: ModelFamily { grid.family }

    /// The settings a render of this document uses: the grid rendered in its family's dialect
    /// into prompt and negative.
    public func renderSettings(using rendered: RenderedPrompt) -> RenderSettings {
        var s = settings
        s.prompt = rendered.prompt
        s.negativePrompt = rendered.negative ?? ""
        return s
    }
}
