import Foundation
import SafeFiles

/// Output paths for a batch: `out.png` for one image, `out-1.png` … `out-N.png` for more.
enum OutputFiles {
    static func paths(for output: String, count: Int) throws -> [URL] {
        let url = URL(fileURLWithPath: (output as NSString).expandingTildeInPath)
        guard url.pathExtension.lowercased() == "png" else {
            throw CLIError("output: '\(output)' must end in .png")
        }
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError("output: folder '\(directory.path)' does not exist")
        }
        let stem = url.deletingPathExtension().lastPathComponent
        let paths = count > 1 ? (1...count).map { directory.appendingPathComponent("\(stem)-\($0).png") } : [url]
        // Checked before rendering, so a long render is not wasted on a path that will be refused.
        for path in paths {
            if let refusal = FileKind(atPath: path.path).refusal { throw CLIError("output: \(path.path) \(refusal)") }
        }
        return paths
    }
}
