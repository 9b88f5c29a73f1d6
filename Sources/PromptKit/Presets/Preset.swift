import Foundation
import RenderSettings

/// A named preset: a grid, every render setting, the dialect it renders in, the model file,
/// optionally an A1111 style applied to the rendered prompt, and optionally the workbench theme
/// to show it in. Stored as
/// `<name>.json` in the presets directory (the name is the file name).
public struct Preset: Equatable, Sendable {
    public var name: String
    public var description: String
    public var grid: PromptGrid
    public var dialect: ModelFamily
    /// Prompt and negative are left empty here; `renderSettings()` fills them from the grid.
    public var settings: RenderSettings
    public var modelPath: String?
    /// A1111 styles applied to the rendered prompt in order (A1111's several active styles).
    public var styles: [PromptStyle]
    /// The first style (a preset imported from styles.csv holds exactly one).
    public var style: PromptStyle? {
        get { styles.first }
        set { styles = newValue.map { [$0] } ?? [] }
    }
    /// The workbench theme (a name such as `light`, or a theme file's path) applied when the
    /// preset is loaded there; nil keeps the current theme.
    public var theme: String?

    public init(name: String, description: String = "", grid: PromptGrid, dialect: ModelFamily? = nil,
                settings: RenderSettings? = nil, modelPath: String? = nil, style: PromptStyle? = nil,
                styles: [PromptStyle] = [], theme: String? = nil) {
        self.name = name
        self.description = description
        self.grid = grid
        self.dialect = dialect ?? grid.family
        self.settings = settings ?? (dialect ?? grid.family).profile.defaultSettings()
        self.modelPath = modelPath
        self.styles = (style.map { [$0] } ?? []) + styles
        self.theme = theme
    }

    /// The grid rendered in `family` (default: the preset's dialect), with the styles applied
    /// in order (`PromptStyle.apply(to:family:)`).
    public func render(in family: ModelFamily? = nil) -> RenderedPrompt {
        let family = family ?? dialect
        return PromptStyle.apply(styles, to: grid.render(in: family), family: family)
    }

    /// The settings with the prompt and negative rendered from the grid.
    public func renderSettings(in family: ModelFamily? = nil) -> RenderSettings {
        let rendered = render(in: family)
        var s = settings
        s.prompt = rendered.prompt
        s.negativePrompt = rendered.negative ?? ""
        return s
    }
}

/// The preset file format: `{"name"?, "description", "dialect", "grid", "settings", "modelPath"?,
/// "style"? or "styles"?, "theme"?}`; the preset's name is `name` when its spelling is not a
/// safe file name, else the file name. Optional keys may be missing
/// (files written before `theme` existed load unchanged).
extension Preset: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case name, description, dialect, grid, settings, modelPath, style, styles, theme
    }

    public init(from decoder: Decoder) throws {
        let known = CodingKeys.allCases.map(\.stringValue)
        let all = try decoder.container(keyedBy: DynamicCodingKey.self)
        if let unknown = all.allKeys.first(where: { !known.contains($0.stringValue) }) {
            throw DecodingError.dataCorruptedError(forKey: unknown, in: all,
                debugDescription: "unknown key '\(unknown.stringValue)'; known keys: \(known.joined(separator: ", "))")
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let grid = try c.decodeIfPresent(PromptGrid.self, forKey: .grid) ?? PromptGrid()
        self.init(name: try c.decodeIfPresent(String.self, forKey: .name) ?? "",
                  description: try c.decodeIfPresent(String.self, forKey: .description) ?? "",
                  grid: grid,
                  dialect: try c.decodeIfPresent(ModelFamily.self, forKey: .dialect),
                  settings: try c.decodeIfPresent(RenderSettings.self, forKey: .settings),
                  modelPath: try c.decodeIfPresent(String.self, forKey: .modelPath),
                  style: try c.decodeIfPresent(PromptStyle.self, forKey: .style),
                  styles: try c.decodeIfPresent([PromptStyle].self, forKey: .styles) ?? [],
                  theme: try Self.decodeTheme(c))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        // The name is the file name unless it is spelled otherwise ("Noir, classic").
        if !name.isEmpty && !PresetName.isFileSafe(name) { try c.encode(name, forKey: .name) }
        try c.encode(description, forKey: .description)
        try c.encode(dialect, forKey: .dialect)
        try c.encode(grid, forKey: .grid)
        var bare = settings
        bare.prompt = ""
        bare.negativePrompt = ""
        try c.encode(bare, forKey: .settings)
        try c.encodeIfPresent(modelPath, forKey: .modelPath)
        if styles.count == 1 { try c.encode(styles[0], forKey: .style) }
        if styles.count > 1 { try c.encode(styles, forKey: .styles) }
        try c.encodeIfPresent(theme, forKey: .theme)
    }

    /// `theme`, when present, is a non-empty name or path.
    private static func decodeTheme(_ c: KeyedDecodingContainer<CodingKeys>) throws -> String? {
        guard let theme = try c.decodeIfPresent(String.self, forKey: .theme) else { return nil }
        if theme.trimmingCharacters(in: .whitespaces).isEmpty {
            throw DecodingError.dataCorruptedError(forKey: .theme, in: c,
                debugDescription: "'theme' is empty; give a theme name such as \"dark\" or leave the key out")
        }
        return theme
    }
}
