import Catalog
import Foundation
import Models

/// Model files the in-process engine offers: `.safetensors` files and diffusers folders (with
/// `model_index.json`) directly inside the given folders whose family, read from their headers
/// alone (`ArchitectureDetector.probe`), is one the loader renders; plus one given path.
/// Pickle `.ckpt` files, LoRAs, embeddings, lone VAEs and other families are not listed.
/// Sorted by file name, each path once.
public enum ModelFinder {
    public static func find(in folders: [URL], including path: String?,
                            families: Set<CheckpointFamily> = ArchitectureDetector.loadableFamilies) -> [String] {
        var found = Set<String>()
        if let path { found.insert(URL(fileURLWithPath: path).standardizedFileURL.path) }
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names {
                let url = folder.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
                let candidate = isDirectory.boolValue
                    ? FileManager.default.fileExists(atPath: url.appendingPathComponent("model_index.json").path)
                    : name.hasSuffix(".safetensors")
                guard candidate, let family = try? ArchitectureDetector.probe(url), families.contains(family) else { continue }
                found.insert(url.standardizedFileURL.path)
            }
        }
        return found.sorted { URL(fileURLWithPath: $0).lastPathComponent < URL(fileURLWithPath: $1).lastPathComponent }
    }
}
