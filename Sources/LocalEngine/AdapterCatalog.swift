import Catalog
import EngineAPI
import Foundation
import Models

/// The LoRA/LyCORIS networks and embeddings in some folders, described for the workbench's
/// browser (`AdapterFile`): name, alias, family, format, trigger words, size. Headers and an
/// embedding's few vectors are read; nothing is merged. A file that cannot be read is listed
/// with its reason, so the browser shows why a tag naming it will not apply.
public enum AdapterCatalog {
    public static func list(loraFolders: [URL], embeddingFolders: [URL]) -> [AdapterFile] {
        var files: [AdapterFile] = []
        var seen = Set<String>()
        for (name, url) in AdapterFolderIndex(folders: loraFolders, extensions: AdapterLibrary.loraExtensions).files
        where seen.insert("lora/" + name).inserted {
            files.append(lora(name: name, url: url))
        }
        for (name, url) in AdapterFolderIndex(folders: embeddingFolders, extensions: AdapterLibrary.embeddingExtensions).files
        where seen.insert("embedding/" + name).inserted {
            files.append(embedding(name: name, url: url))
        }
        return files
    }

    static func lora(name: String, url: URL) -> AdapterFile {
        let bytes = size(url)
        do {
            let network = try AdapterNetwork(url: url)
            return AdapterFile(kind: .lora, name: name, alias: network.outputName.flatMap { $0 == name ? nil : $0 },
                               family: network.family, format: network.formatName, triggers: network.triggerWords(),
                               title: network.specTitle, bytes: bytes, path: url.path)
        } catch {
            return AdapterFile(kind: .lora, name: name, format: "LoRA", bytes: bytes, problem: "\(error)", path: url.path)
        }
    }

    /// An embedding's family from its vectors' widths: one set 768 wide is CLIP-L's (SD 1.x),
    /// 1024 OpenCLIP-H's (SD 2.x); SDXL's `clip_l`/`clip_g` pair is SDXL's.
    static func embedding(name: String, url: URL) -> AdapterFile {
        let bytes = size(url)
        do {
            let embedding = try TextualInversionEmbedding(contentsOf: url, widths: nil)
            let widths = embedding.vectorSets.map { $0.shape[1] }
            let family: CheckpointFamily? = widths == [768] ? .sd1 : widths == [1024] ? .sd2 : widths == [768, 1280] ? .sdxl : nil
            return AdapterFile(kind: .embedding, name: name, family: family, format: "embedding", bytes: bytes,
                               vectors: embedding.count, path: url.path)
        } catch {
            return AdapterFile(kind: .embedding, name: name, format: "embedding", bytes: bytes, problem: "\(error)", path: url.path)
        }
    }

    private static func size(_ url: URL) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)[.size] as? Int) ?? 0   // a linked file: its target's size
    }
}
