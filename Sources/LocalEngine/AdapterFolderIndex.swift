import Foundation

/// The adapter files under some folders (searched recursively, as A1111's `Lora` and
/// `embeddings` folders are), by base name, first folder first.
struct AdapterFolderIndex {
    /// Base name → file, in folder order (the first file with a name wins).
    private(set) var files: [(name: String, url: URL)] = []

    init(folders: [URL], extensions: Set<String>) {
        var seen = Set<String>()
        for folder in folders {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { continue }
            var found: [URL] = []
            for case let url as URL in walker where extensions.contains(url.pathExtension.lowercased()) {
                found.append(url)
            }
            for url in found.sorted(by: { $0.path < $1.path }) {
                let name = url.deletingPathExtension().lastPathComponent
                guard seen.insert(url.standardizedFileURL.path).inserted else { continue }
                files.append((name, url))
            }
        }
    }

    /// The first file whose base name is exactly `name`.
    func file(named name: String) -> URL? { files.first { $0.name == name }?.url }
}
