import RenderSettings

/// What the linter checks: a prompt in one family's dialect, and the settings known.
public struct LintInput: Equatable, Sendable {
    public var prompt: String
    public var negative: String
    public var family: ModelFamily
    public var cfg: Double?
    public var width: Int?
    public var height: Int?
    /// Notes from rendering a grid (`RenderedPrompt.notes`), reported as `dialect` warnings.
    public var renderNotes: [String]
    /// Sampling steps, when known: prompt editing (`[a:b:0.5]`) is resolved at this count
    /// for token counting.
    public var steps: Int?
    /// The few-step kind the model or a LoRA names (`FewStepProfiles`): its steps and CFG
    /// ranges replace the family's CFG advice.
    public var fewStep: FewStepProfile?

    public init(prompt: String, negative: String = "", family: ModelFamily, cfg: Double? = nil,
                width: Int? = nil, height: Int? = nil, renderNotes: [String] = []) {
        self.prompt = prompt
        self.negative = negative
        self.family = family
        self.cfg = cfg
        self.width = width
        self.height = height
        self.renderNotes = renderNotes
    }
}

extension LintInput {
    /// A preset rendered in `family` (default: its dialect), with its CFG and size. The
    /// grid's and style's negative count even where the family drops them, so that putting a
    /// negative on a FLUX grid is reported.
    public init(preset: Preset, family: ModelFamily? = nil) {
        let family = family ?? preset.dialect
        let rendered = preset.render(in: family)
        let negatives = ([preset.grid.negative] + preset.styles.map(\.negativePrompt)).filter { !$0.isBlank }
        self.init(prompt: rendered.prompt, negative: rendered.negative ?? negatives.joined(separator: ", "),
                  family: family, cfg: preset.settings.cfgScale, width: preset.settings.width,
                  height: preset.settings.height, renderNotes: rendered.notes)
        steps = preset.settings.steps
    }

    /// A grid rendered in `family` (default: its own), with whatever settings are known.
    public init(grid: PromptGrid, family: ModelFamily? = nil, cfg: Double? = nil, width: Int? = nil, height: Int? = nil) {
        let family = family ?? grid.family
        let rendered = grid.render(in: family)
        self.init(prompt: rendered.prompt, negative: rendered.negative ?? grid.negative, family: family,
                  cfg: cfg, width: width, height: height, renderNotes: rendered.notes)
    }
}
