import Foundation

/// Locates the shared reference fixtures (`../shared/fixtures` beside the repository),
/// or `$EASEL_FIXTURES` when set.
public enum Fixtures {
    /// The repository root, found from this source file's location.
    public static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let root: URL = {
        if let env = ProcessInfo.processInfo.environment["EASEL_FIXTURES"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return repoRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures")
    }()

    public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    public static func data(_ relative: String) throws -> Data { try Data(contentsOf: url(relative)) }

    /// A fresh empty directory under the system temporary directory.
    public static func temporaryDirectory(_ label: String = "easel-test") throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
