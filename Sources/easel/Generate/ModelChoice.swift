import Diffusion
import Foundation
import RenderSettings

/// Which checkpoint a command uses, and the defaults that go with it.
enum ModelChoice {
    /// `--model PATH`, else `$EASEL_MODEL`, else the built-in demo model.
    static func resolve(_ path: String?) throws -> URL {
        let env = ProcessInfo.processInfo.environment["EASEL_MODEL"].flatMap { $0.isEmpty ? nil : $0 }
        if let given = path ?? env {
            let url = URL(fileURLWithPath: (given as NSString).expandingTildeInPath)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw GenerationError.modelNotFound("\(given): no such model file or folder")
            }
            return url
        }
        guard let demo = DemoModel.locate() else {
            throw GenerationError.modelNotFound(
                "no model given and the demo model (\(DemoModel.relativePath)) was not found; pass --model PATH")
        }
        return demo
    }

    /// Defaults for a model: the demo model renders 64×64 in 20 steps; other SD 1.x
    /// checkpoints get A1111's txt2img defaults with Easel's Euler a.
    static func defaultSettings(for model: URL) -> RenderSettings {
        if model.lastPathComponent == URL(fileURLWithPath: DemoModel.relativePath).lastPathComponent {
            return RenderSettings(steps: 20, sampler: .eulerA, cfgScale: 7, width: 64, height: 64)
        }
        return RenderSettings(steps: 20, sampler: .eulerA, cfgScale: 7, width: 512, height: 512)
    }
}

extension URL {
    var isDirectory: Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
}
