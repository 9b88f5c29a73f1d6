import EngineAPI
import Diffusion
import Foundation
import PromptKit
import RenderSettings
import TUICore

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

    /// Defaults for a model. SD 1.x checkpoints follow the SD 1.5 profile (PromptKit's
    /// `ModelProfiles`: about 60 steps, CFG 7, Euler a, 512×512, clip skip 1). The demo model
    /// was trained at 64×64 and renders well in 20 steps, so it gets those instead.
    static func defaultSettings(for model: URL) -> RenderSettings {
        if isDemoModel(model) {
            return RenderSettings(steps: 20, sampler: .eulerA, cfgScale: 7, width: 64, height: 64)
        }
        return ModelFamily.sd15.profile.defaultSettings()
    }
}

extension ModelChoice {
    /// The demo model's slider advice: 15–30 steps, CFG 5–9, and its training size of 64 px
    /// (MODEL.md; larger images repeat its 64-pixel scenes).
    static let demoAdvice = ModelAdvice(steps: 15...30, cfg: 5...9, maxSide: 64)

    /// Whether `model` is the built-in demo model (by its file name).
    static func isDemoModel(_ model: URL) -> Bool {
        model.lastPathComponent == URL(fileURLWithPath: DemoModel.relativePath).lastPathComponent
    }
}

extension URL {
    var isDirectory: Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
}
