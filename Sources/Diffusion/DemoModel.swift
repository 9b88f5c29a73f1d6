import Foundation

/// Where Easel finds the model it ships: `models/demo/easel-demo.safetensors` in the
/// repository (or install prefix) that holds the running executable.
public enum DemoModel {
    public static let relativePath = "models/demo/easel-demo.safetensors"

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
