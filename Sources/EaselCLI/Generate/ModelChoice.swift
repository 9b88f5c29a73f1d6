import EngineAPI
import Foundation
import LocalEngine
import PromptKit
import RenderSettings
import Tensor

/// Which checkpoint a command uses, and the defaults that go with it.
enum ModelChoice {
    /// `--model PATH`, else `$EASEL_MODEL`, else the built-in demo model.
    static func resolve(_ path: String?) throws -> URL {
        let env = ProcessInfo.processInfo.environment["EASEL_MODEL"].flatMap { $0.isEmpty ? nil : $0 }
        if let given = path ?? env {
            let url = URL(fileURLWithPath: (given as NSString).expandingTildeInPath)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw EngineError.modelNotFound("\(given): no such model file or folder")
            }
            return url
        }
        guard let demo = DemoModel.locate() else {
            throw EngineError.modelNotFound(
                "no model given and the demo model (\(DemoModel.relativePath)) was not found; pass --model PATH")
        }
        return demo
    }

    /// The engine's name for a model file or folder.
    static func engineModel(_ file: URL) -> EngineModel { InProcessEngine.model(at: file.path) }

    /// Defaults for a model: its dialect's profile (PromptKit's `ModelProfiles`): SD 1.x about
    /// 60 steps at 512×512, SDXL 30 steps at 1024×1024, Pony 40 steps at 1024×1024 with clip
    /// skip 2; CFG 7 and Euler a for all. The demo model was trained at 64×64 and renders well in
    /// 20 steps, so it gets those instead.
    static func defaultSettings(for model: URL) -> RenderSettings {
        DemoModel.isDemoModel(model) ? DemoModel.defaultSettings : dialect(of: engineModel(model)).profile.defaultSettings()
    }

    /// The prompt dialect a model calls for: its checkpoint family's, Pony when its file name or
    /// title says so; SD 1.5's when the family is unknown.
    static func dialect(of model: EngineModel) -> ModelFamily {
        model.family.flatMap { ModelFamily.dialect(for: $0, names: [model.name, model.title]) } ?? .sd15
    }
}

/// Where the commands get their engine: the in-process CPU engine. The one place a command
/// line chooses an engine; tests put a recording engine here.
public enum EngineChoice {
    /// An engine rendering at `precision` (nil: the engine's choice per model) that also
    /// offers the models in `modelFolders`.
    public static var make: (_ precision: Precision?, _ modelFolders: [URL]) -> any ImageEngine = {
        InProcessEngine(modelFolders: $1, precision: $0)
    }
}
