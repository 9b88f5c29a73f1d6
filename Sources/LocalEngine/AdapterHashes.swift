import Foundation
import Models
import PromptSyntax
import RenderSettings

/// A1111's short hashes of LoRA and embedding files, for the infotext's `Lora hashes` and
/// `TI hashes`, and the way back: a PNG's tag names resolved by those hashes.
///
/// - LoRA: the file's `sshs_model_hash` metadata, else the sha256 of a `.safetensors` file's
///   data after its header (other files: of the whole file); the first 12 hex digits. A1111
///   `extensions-builtin/Lora/network.py` `NetworkOnDisk.__init__` / `set_hash`
///   (`hashes.sha256_from_cache(..., use_addnet_hash=self.is_safetensors)`, `hash[0:12]`),
///   `modules/hashes.py` `addnet_hash_safetensors`.
/// - Embedding: the sha256 of the whole file, 12 digits. A1111
///   `modules/textual_inversion/textual_inversion.py` (`embedding.set_hash(hashes.sha256(path,
///   "textual_inversion/" + name))`, `Embedding.set_hash`: `hash[0:12]`).
public enum AdapterHashes {
    public static let shortLength = 12

    /// The LoRA short hash of `url` (`metadata` is the file's safetensors metadata, if read).
    public static func lora(_ url: URL, metadata: [String: String] = [:], cache: URL = ModelHash.cacheFile) throws -> String {
        if let stored = metadata["sshs_model_hash"], !stored.isEmpty { return String(stored.lowercased().prefix(shortLength)) }
        let dataOnly = url.pathExtension.lowercased() == "safetensors"
        return String(try ModelHash.sha256(of: url, cache: cache, dataOnly: dataOnly).prefix(shortLength))
    }

    /// The embedding short hash of `url`.
    public static func embedding(_ url: URL, cache: URL = ModelHash.cacheFile) throws -> String {
        String(try ModelHash.sha256(of: url, cache: cache).prefix(shortLength))
    }

    /// `Lora hashes` for the LoRA tags of `prompt` found in `folders` (by base name or
    /// `ss_output_name`), and `TI hashes` for the embeddings in `embeddingFolders` whose name
    /// is a word of `prompt` or `negative` (case-insensitive, as the token match is).
    public static func infotextHashes(prompt: String, negative: String, loraFolders: [URL], embeddingFolders: [URL],
                                      cache: URL = ModelHash.cacheFile) -> (loras: [NetworkHash], embeddings: [NetworkHash]) {
        let index = AdapterFolderIndex(folders: loraFolders, extensions: AdapterLibrary.loraExtensions)
        let library = AdapterLibrary()
        var loras: [NetworkHash] = []
        for tag in (try? LoraTag.extract(from: prompt).tags) ?? [] where tag.kind != .hypernet {
            guard !loras.contains(where: { $0.name == tag.name }),
                  case let .success(network)? = library.network(named: tag.name, in: index),
                  let hash = try? lora(network.url, metadata: network.metadata, cache: cache) else { continue }
            loras.append(NetworkHash(name: tag.name, hash: hash))
        }
        let words = Set((prompt + " " + negative).lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "_" && $0 != "-" }.map(String.init))
        let embeddings = AdapterFolderIndex(folders: embeddingFolders, extensions: AdapterLibrary.embeddingExtensions).files
            .filter { words.contains($0.name.lowercased()) }
            .compactMap { file in (try? embedding(file.url, cache: cache)).map { NetworkHash(name: file.name, hash: $0) } }
        return (loras, embeddings)
    }

    /// `settings` with each `<lora:NAME…>` whose NAME is in no folder renamed to the file whose
    /// short hash `Lora hashes` gives for NAME (A1111 `lora_script.py` `infotext_pasted`), and
    /// a note per tag found that way or not found at all.
    public static func resolveByHash(_ settings: RenderSettings, loraFolders: [URL],
                                     cache: URL = ModelHash.cacheFile) -> (RenderSettings, notes: [String]) {
        let hashes = settings.loraHashes
        guard !hashes.isEmpty else { return (settings, []) }
        let index = AdapterFolderIndex(folders: loraFolders, extensions: AdapterLibrary.loraExtensions)
        let library = AdapterLibrary()
        var resolved = settings, notes: [String] = [], byHash: [String: String]?
        for tag in (try? LoraTag.extract(from: settings.prompt).tags) ?? [] where tag.kind != .hypernet {
            guard case nil = library.network(named: tag.name, in: index),
                  let wanted = hashes.first(where: { $0.name == tag.name })?.hash else { continue }
            if byHash == nil {
                byHash = Dictionary(index.files.compactMap { file in
                    (try? lora(file.url, metadata: (try? AdapterNetwork(url: file.url))?.metadata ?? [:], cache: cache))
                        .map { ($0, file.name) }
                }, uniquingKeysWith: { first, _ in first })
            }
            if let name = byHash?[wanted] {
                for kind in ["lora", "lyco"] {
                    resolved.prompt = resolved.prompt.replacingOccurrences(of: "<\(kind):\(tag.name):", with: "<\(kind):\(name):")
                        .replacingOccurrences(of: "<\(kind):\(tag.name)>", with: "<\(kind):\(name)>")
                }
                notes.append("lora '\(tag.name)' found by its hash \(wanted) as '\(name)'")
            }
        }
        return (resolved, notes)
    }
}
