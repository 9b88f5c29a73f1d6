import EngineAPI
import Foundation
import RenderSettings

/// Where Easel finds the model it ships: `models/demo/easel-demo.safetensors` in the
/// repository (or install prefix) that holds the running executable.
public enum DemoModel {
    public static let relativePath = "models/demo/easel-demo.safetensors"

    /// The demo model's slider advice: 15–30 steps, CFG 5–9, and its training size of 64 px
    /// (MODEL.md; larger images repeat its 64-pixel scenes), with its vocabulary.
    public static let advice = ModelAdvice(steps: 15...30, cfg: 5...9, maxSide: 64, vocabulary: vocabulary)

    /// MODEL.md's "Data" table (`tools/demo-model/vocabulary.py`) and the synonyms its captions
    /// use; other words have no learned meaning.
    public static let vocabulary = ModelVocabulary(groups: [
        .init("subjects", ["circle", "square", "triangle", "star", "heart", "moon", "sun", "tree", "house", "mountain",
                           "flower", "fish", "cat face", "person"]),
        .init("colours", ["red", "orange", "yellow", "green", "cyan", "blue", "purple", "pink", "brown", "white",
                          "black", "gray", "grey"]),
        .init("settings", ["sky", "sea", "ocean", "desert", "forest", "city skyline", "space", "snow field", "room"]),
        .init("light", ["day", "sunset", "night", "neon", "studio", "twilight", "dusk"]),
        .init("moods", ["calm", "gloomy", "cheerful", "pastel", "noir", "black and white", "vaporwave", "watercolor", "flat"]),
        .init("composition", ["close-up", "wide shot", "one", "two", "three", "image"]),
    ])

    /// Where it starts: its native 64×64 at 20 steps, Euler a, CFG 7 (MODEL.md).
    public static let defaultSettings = RenderSettings(steps: 20, sampler: .eulerA, cfgScale: 7, width: 64, height: 64)

    /// Whether `model` is the demo model (by its file name).
    public static func isDemoModel(_ model: URL) -> Bool {
        model.lastPathComponent == URL(fileURLWithPath: relativePath).lastPathComponent
    }

    /// `$EASEL_DEMO_MODEL`, else the first `models/demo/easel-demo.safetensors` found in an
    /// ancestor directory of the executable, then of the current directory.
    public static func locate() -> URL? {
        let env = ProcessInfo.processInfo.environment
        if let path = env["EASEL_DEMO_MODEL"], !path.isEmpty { return URL(fileURLWithPath: path) }
        for start in searchRoots() {
            var dir = start
            for _ in 0..<8 {
                let candidate = dir.appendingPathComponent(relativePath)
                if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }

    private static func searchRoots() -> [URL] {
        var roots: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            roots.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        roots.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return roots
    }
}
