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
    /// A1111 styles applied to the rendered prompt, in the order they were turned on (presets
    /// imported from styles.csv); several may be active at once, as in A1111.
    public var styles: [PromptStyle]
    /// A prompt loaded as written (from an A1111 or ComfyUI PNG), which no dialect rewrites;
    /// the grid's rows are added after it. Nil: the grid in its family's dialect.
    public var raw: RawPrompt?
    /// The init image (img2img): a PNG path, or "(render N)" for a result used as the init
    /// image. Its strength is `settings.denoisingStrength`. Not saved in presets.
    public var initImagePath: String?

    public init(grid: PromptGrid = PromptGrid(), settings: RenderSettings? = nil, seedLocked: Bool = true,
                modelPath: String? = nil, styles: [PromptStyle] = []) {
        self.grid = grid
        self.settings = settings ?? grid.family.profile.defaultSettings()
        self.seedLocked = seedLocked
        self.modelPath = modelPath
        self.styles = styles
    }

    /// The family whose dialect renders the grid (the preset's "dialect").
    public var family: ModelFamily { grid.family }

    /// A preset's grid, settings, model and style; its dialect becomes the grid's family.
    public init(preset: Preset) {
        var grid = preset.grid
        grid.family = preset.dialect
        self.init(grid: grid, settings: preset.settings, modelPath: preset.modelPath, styles: preset.styles)
    }

    /// This document as a preset named `name`.
    public func preset(named name: String, description: String = "") -> Preset {
        var bare = settings
        bare.prompt = ""
        bare.negativePrompt = ""
        return Preset(name: name, description: description, grid: grid, dialect: family, settings: bare,
                      modelPath: modelPath, styles: styles)
    }

    /// The grid in its family's dialect (or the raw prompt), with the styles applied.
    public func render() -> RenderedPrompt {
        guard let raw else { return preset(named: "").render() }
        return PromptStyle.apply(styles, to: raw.render(with: grid), family: family)
    }

    /// The settings a render of this document uses, with prompt and negative filled in.
    public func renderSettings(using rendered: RenderedPrompt) -> RenderSettings {
        var s = settings
        s.prompt = rendered.prompt
        s.negativePrompt = rendered.negative ?? ""
        return s
    }
}
