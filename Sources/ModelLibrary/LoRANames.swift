import Foundation

/// The names a `<lora:NAME…>` tag may use for the files in some folders: each file's base
/// name, and a `.safetensors` file's `ss_output_name` (A1111 `network.py`: the alias), read
/// from the header alone. For lint and pickers; the engine does its own matching.
public enum LoRANames {
    public static let extensions: Set<String> = ["safetensors", "pt", "ckpt"]

    public static func names(in folders: [URL]) -> Set<String> {
        var names = Set<String>()
        for folder in folders {
            guard let walker = FileManager.default.enumerator(at: folder.resolvingSymlinksInPath(), includingPropertiesForKeys: nil,
                                                              options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in walker where extensions.contains(url.pathExtension.lowercased()) {
                names.insert(url.deletingPathExtension().lastPathComponent)
                if let alias = outputName(url) { names.insert(alias) }
            }
        }
        return names
    }

    /// `__metadata__.ss_output_name` of a `.safetensors` header (nil when absent or unreadable;
    /// headers over 16 MiB are not read).
    static func outputName(_ url: URL) -> String? {
        guard url.pathExtension.lowercased() == "safetensors", let handle = FileHandle(forReadingAtPath: url.path) else { return nil }
        defer { try? handle.close() }
        guard let prefix = try? handle.read(upToCount: 8), prefix.count == 8 else { return nil }
        let size = prefix.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard size <= 16 << 20, let header = try? handle.read(upToCount: Int(size)),
              let json = try? JSONSerialization.jsonObject(with: header) as? [String: Any],
              let metadata = json["__metadata__"] as? [String: Any],
              let name = metadata["ss_output_name"] as? String, !name.isEmpty else { return nil }
        return name
    }
}
