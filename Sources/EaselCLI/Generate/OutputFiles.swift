import Foundation

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
        guard count > 1 else { return [url] }
        let stem = url.deletingPathExtension().lastPathComponent
        return (1...count).map { directory.appendingPathComponent("\(stem)-\($0).png") }
    }
}
