import Diffusion
import EngineAPI
import Foundation
import Models
import PromptSyntax

/// Finds the files a request's prompt names — `<lora:NAME:…>` in the LoRA folders, every
/// embedding in the embedding folders — opens them (kept open across jobs while the file is
/// unchanged) and turns them into the `RenderAdapters` of one job, with a one-line note for
/// everything left out: an unknown name, a refused file, modules that match no layer.
///
/// A name matches a file's base name, else its kohya `ss_output_name` (A1111
/// `extensions-builtin/Lora/networks.py` `available_network_aliases`). Multipliers follow
/// A1111's `<lora:name:te:unet>` (`extra_networks_lora.py`, `LoraTag`).
public final class AdapterLibrary: @unchecked Sendable {
    public let loraFolders: [URL]
    public let embeddingFolders: [URL]
    private let lock = NSLock()
    private var networks: [String: (stamp: FileStamp, network: Result<AdapterNetwork, Error>)] = [:]
    private var embeddings: [String: (stamp: FileStamp, embedding: Result<TextualInversionEmbedding, Error>)] = [:]
    /// Refused embedding files already reported (each is reported once).
    private var reported = Set<String>()

    public init(loraFolders: [URL] = [], embeddingFolders: [URL] = []) {
        self.loraFolders = loraFolders
        self.embeddingFolders = embeddingFolders
    }

    static let loraExtensions: Set<String> = ["safetensors", "pt", "ckpt"]
    static let embeddingExtensions: Set<String> = ["safetensors", "pt", "bin"]

    /// The adapters `request` calls for on the model `binding` describes, and the notes.
    public func adapters(for request: EngineRequest, binding: AdapterBinding) -> (RenderAdapters, notes: [String]) {
        lock.lock(); defer { lock.unlock() }
        var notes: [String] = []
        let tags = (try? LoraTag.extract(from: request.settings.prompt).tags) ?? []
        let loraIndex = AdapterFolderIndex(folders: request.loraFolders.map(URL.init(fileURLWithPath:)) + loraFolders,
                                           extensions: Self.loraExtensions)
        var active: [ActiveAdapter] = []
        for tag in tags {
            guard tag.kind != .hypernet else {
                notes.append("hypernetwork '\(tag.name)' is not supported; rendering without it")
                continue
            }
            switch network(named: tag.name, in: loraIndex) {
            case nil:
                notes.append("lora '\(tag.name)' was not found in \(describe(loraIndex, request.loraFolders, loraFolders)); rendering without it")
            case let .failure(error)?:
                notes.append("lora '\(tag.name)': \(error); rendering without it")
            case let .success(network)?:
                do {
                    let resolved = try binding.resolve(network)
                    active.append(ActiveAdapter(resolved, textMultiplier: Float(tag.weight), unetMultiplier: Float(tag.unetWeight)))
                    notes += Self.leftOut(resolved, tag.name)
                } catch {
                    notes.append("lora '\(tag.name)': \(error); rendering without it")
                }
            }
        }
        let found = embeddingFiles(request, width: binding.textWidth, notes: &notes)
        return (RenderAdapters(networks: active, embeddings: found), notes)
    }

    /// The network a tag names: the file with that base name, else one whose
    /// `ss_output_name` is the name; nil when neither exists.
    private func network(named name: String, in index: AdapterFolderIndex) -> Result<AdapterNetwork, Error>? {
        if let url = index.file(named: name) { return open(url) }
        for (_, url) in index.files where url.pathExtension.lowercased() == "safetensors" {
            if case let .success(network) = open(url), network.outputName == name { return .success(network) }
        }
        return nil
    }

    private func open(_ url: URL) -> Result<AdapterNetwork, Error> {
        let stamp = FileStamp(url)
        if let cached = networks[url.path], cached.stamp == stamp { return cached.network }
        let result = Result { try AdapterNetwork(url: url) }
        networks[url.path] = (stamp, result)
        return result
    }

    /// Every readable embedding of the model's width in the embedding folders (first folder
    /// first); a refused file is noted once.
    private func embeddingFiles(_ request: EngineRequest, width: Int, notes: inout [String]) -> [TextualInversionEmbedding] {
        let index = AdapterFolderIndex(folders: request.embeddingFolders.map(URL.init(fileURLWithPath:)) + embeddingFolders,
                                       extensions: Self.embeddingExtensions)
        var names = Set<String>()
        var found: [TextualInversionEmbedding] = []
        for (name, url) in index.files where !names.contains(name) {
            let stamp = FileStamp(url), key = "\(url.path)#\(width)"
            let result: Result<TextualInversionEmbedding, Error>
            if let cached = embeddings[key], cached.stamp == stamp {
                result = cached.embedding
            } else {
                result = Result { try TextualInversionEmbedding(contentsOf: url, width: width) }
                embeddings[key] = (stamp, result)
            }
            switch result {
            case let .success(embedding):
                names.insert(name)
                found.append(embedding)
            case let .failure(error):
                if reported.insert(key).inserted { notes.append("embedding '\(name)' skipped: \(error)") }
            }
        }
        return found
    }

    /// The embeddings in `folders` by name with their vector counts, whatever their width (for
    /// token counts without a model, `easel prompt tokens --embeddings-dir`); unreadable files
    /// are left out.
    public static func embeddingSizes(in folders: [URL]) -> [(name: String, vectors: Int)] {
        var seen = Set<String>()
        return AdapterFolderIndex(folders: folders, extensions: embeddingExtensions).files.compactMap { name, url in
            guard !seen.contains(name), let embedding = try? TextualInversionEmbedding(contentsOf: url, width: nil) else { return nil }
            seen.insert(name)
            return (name, embedding.count)
        }
    }

    /// Notes for the parts of a network that are not applied.
    static func leftOut(_ resolved: ResolvedAdapter, _ name: String) -> [String] {
        var notes: [String] = []
        let total = resolved.network.modules.count
        if let first = resolved.unmatchedModules.first {
            notes.append("lora '\(name)': \(resolved.unmatchedModules.count) of \(total) modules match no layer of this model (first: \(first)); applied the rest")
        }
        if let first = resolved.unreadKeys.first {
            notes.append("lora '\(name)': \(resolved.unreadKeys.count) keys of an unsupported kind were skipped (first: \(first))")
        }
        return notes
    }

    private func describe(_ index: AdapterFolderIndex, _ requested: [String], _ own: [URL]) -> String {
        let folders = requested + own.map(\.path)
        return folders.isEmpty ? "any LoRA folder (none is set: --lora-dir DIR adds one)" : folders.joined(separator: ", ")
    }
}

/// A file's size and modification date, to notice a replaced file.
struct FileStamp: Equatable {
    var size: Int
    var modified: Date?

    init(_ url: URL) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        size = attributes?[.size] as? Int ?? -1
        modified = attributes?[.modificationDate] as? Date
    }
}
