import Foundation
import ModelLibrary
import PromptKit
import RenderSettings
import TermImage
import TUICore

/// How `easel` (the workbench) was started.
public struct WorkbenchOptions {
    /// The model to load at start; nil shows "no model" and keeps the prompt tools working.
    public var modelPath: String?
    public var graphics: GraphicsPreference
    /// A theme name or a path to a theme file; nil picks `dark` (or `monochrome` under `NO_COLOR`).
    public var theme: String?
    /// An A1111 PNG whose parameters to load at start.
    public var imagePath: String?
    /// A preset to load at start (its theme applies unless `theme` is given).
    public var presetName: String?
    /// Where saved images go.
    public var outputFolder: URL
    /// Where user presets live (nil: PromptKit's default, `$XDG_CONFIG_HOME/easel/presets`).
    public var presetFolder: URL?
    /// Parameters to start from instead of the model family's defaults (the demo model's
    /// native 64×64 and 20 steps, say); the seed is still drawn at random.
    public var startSettings: RenderSettings?
    /// Standard keys (typing types) or vim-style keys; `--keys vim` or `EASEL_KEYS=vim`.
    public var keyStyle: KeyStyle = .standard
    /// The dialect to start in instead of the grid's default (the model's family's: SDXL for
    /// an SDXL file, Pony for a Pony file).
    public var startFamily: ModelFamily?
    public var environment: [String: String]
    /// The model library's folders (`LibraryFolders.load`): renders find `<lora:…>` tags and
    /// embeddings there, and the lint warns about tags that name none of its LoRAs.
    public var library = LibraryFolders()
    /// The library's LoRA and embedding files: the browser's list, hashes for saved PNGs.
    public var adapters = AdapterServices()
    /// The engines the engine picker offers and the one the workbench starts on.
    public var engines = EngineDirectory()

    public init(modelPath: String? = nil, graphics: GraphicsPreference = .auto, theme: String? = nil,
                imagePath: String? = nil, presetName: String? = nil, outputFolder: URL = URL(fileURLWithPath: "outputs"),
                presetFolder: URL? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.modelPath = modelPath
        self.graphics = graphics
        self.theme = theme
        self.imagePath = imagePath
        self.presetName = presetName
        self.outputFolder = outputFolder
        self.presetFolder = presetFolder
        self.environment = environment
        if let name = environment["EASEL_KEYS"], let style = KeyStyle(rawValue: name) { keyStyle = style }
    }

    /// `NO_COLOR` set to anything non-empty (https://no-color.org).
    public var noColor: Bool { !(environment["NO_COLOR"] ?? "").isEmpty }
}
