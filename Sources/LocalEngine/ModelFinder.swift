import Foundation

/// Model files the in-process engine offers: `.safetensors` files and diffusers folders (with
/// `model_index.json`) directly inside the given folders, plus one given path. Pickle `.ckpt`
/// files are not listed: the loader refuses them (they would run code). Sorted by file name,
/// each path once.
public enum ModelFinder {
    public static func find(in folders: [URL], including path: String?) -> [String] {
        var found = Set<String>()
        if let path { found.insert(URL(fileURLWithPath: path).standardizedFileURL.path) }
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names {
                let url = folder.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    if FileManager.default.fileExists(atPath: url.appendingPathComponent("model_index.json").path) {
                        found.insert(url.standardizedFileURL.path)
                    }
                } else if name.hasSuffix(".safetensors") {
                    found.insert(url.standardizedFileURL.path)
                }
            }
        }
        return found.sorted { URL(fileURLWithPath: $0).lastPathComponent < URL(fileURLWithPath: $1).lastPathComponent }
    }
}
