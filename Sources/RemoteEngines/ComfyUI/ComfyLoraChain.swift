import PromptSyntax

/// The prompt's `<lora:name:te:unet>` tags as a chain of ComfyUI `LoraLoader` nodes (ComfyUI
/// `nodes.py`, `LoraLoader`: inputs `model`, `clip`, `lora_name`, `strength_model`,
/// `strength_clip`; outputs MODEL 0, CLIP 1; `LoraLoaderModelOnly` when the graph has no CLIP
/// loader) put between the graph's loaders and everything that read from them:
///
/// - MODEL comes from the one `CheckpointLoaderSimple` (output 0) or `UNETLoader` (output 0);
/// - CLIP from that checkpoint loader's output 1, or from a `CLIPLoader`, `DualCLIPLoader`,
///   `TripleCLIPLoader` or `QuadrupleCLIPLoader` (output 0) beside a `UNETLoader`.
///
/// The first LoraLoader takes the loaders' outputs, each next one the previous one's, and every
/// other input that linked to a loader output links to the last LoraLoader's. `strength_model`
/// is the tag's UNet weight, `strength_clip` its text-encoder weight (A1111's `te` and `unet`,
/// `LoraTag`). `lora_name` is the server's file, matched by `ComfyLoraChain.file(named:in:)`.
struct ComfyLoraChain {
    static let modelLoaders = ["CheckpointLoaderSimple", "UNETLoader"]
    static let clipLoaders = ["CLIPLoader", "DualCLIPLoader", "TripleCLIPLoader", "QuadrupleCLIPLoader"]

    /// One link of the chain: the server's file and the two strengths.
    struct Link: Equatable {
        var file: String
        var model: Double
        var clip: Double
    }

    var links: [Link]

    /// The chain for `tags` on a server whose `LoraLoader` offers `files`; a tag naming no
    /// file there (or a hypernetwork, which this client does not load) is one line.
    init(tags: [LoraTag], files: [String], server: String) throws {
        links = try tags.map { tag in
            guard tag.kind != .hypernet else {
                throw RemoteEngineError.refused("hypernetwork '\(tag.name)': \(server) loads LoRA tags only (<lora:…>, <lyco:…>)")
            }
            guard let file = Self.file(named: tag.name, in: files) else {
                let names = files.prefix(12).map(ComfyServer.name(of:)).joined(separator: ", ")
                throw RemoteEngineError.refused(
                    "lora '\(tag.name)' is not on \(server) (its LoRAs: \(files.isEmpty ? "none" : names + (files.count > 12 ? ", …" : "")))")
            }
            return Link(file: file, model: tag.unetWeight, clip: tag.weight)
        }
    }

    /// The server's file a tag's name means: the file itself (`sub/name.safetensors`), the
    /// file without its extension, else the first whose base name without extension is the
    /// name (A1111 names a network by its file's base name, `networks.py`
    /// `list_available_networks`).
    static func file(named name: String, in files: [String]) -> String? {
        files.first { $0 == name }
            ?? files.first { stripExtension($0) == name }
            ?? files.first { ComfyServer.name(of: $0) == name }
    }

    private static func stripExtension(_ file: String) -> String {
        guard let dot = file.lastIndex(of: "."), !file[dot...].contains("/") else { return file }
        return String(file[..<dot])
    }

    /// `graph` with the chain inserted; unchanged when there are no links.
    func applied(to graph: ComfyGraph) throws -> ComfyGraph {
        guard !links.isEmpty else { return graph }
        var graph = graph
        let loaders = graph.ids(ofAny: Self.modelLoaders)
        guard loaders.count == 1, let loader = loaders.first else {
            throw RemoteEngineError.settings(
                "graph template '\(graph.name)': LoRA tags need one CheckpointLoaderSimple or UNETLoader node, it has \(loaders.count)")
        }
        let isCheckpoint = graph.nodes[loader]?["class_type"]?.string == "CheckpointLoaderSimple"
        let clipSources = isCheckpoint ? [loader] : graph.ids(ofAny: Self.clipLoaders)
        guard clipSources.count <= 1 else {
            throw RemoteEngineError.settings(
                "graph template '\(graph.name)': LoRA tags need one CLIP loader, it has \(clipSources.count) (\(clipSources.joined(separator: ", ")))")
        }
        let modelSource = ComfyGraph.Output(loader, 0)
        let clipSource = clipSources.first.map { ComfyGraph.Output($0, isCheckpoint ? 1 : 0) }
        var model = modelSource, clip = clipSource
        var added: Set<String> = []
        for link in links {
            var inputs: [String: JSONValue] = ["model": model.json, "lora_name": .string(link.file),
                                               "strength_model": .number(link.model)]
            if let clip {
                inputs["clip"] = clip.json
                inputs["strength_clip"] = .number(link.clip)
            }
            let id = graph.add(clip == nil ? "LoraLoaderModelOnly" : "LoraLoader", inputs)
            added.insert(id)
            model = ComfyGraph.Output(id, 0)
            clip = clip.map { _ in ComfyGraph.Output(id, 1) }
        }
        graph.relink(modelSource, to: model, skipping: added)
        if let clipSource, let clip { graph.relink(clipSource, to: clip, skipping: added) }
        return graph
    }
}
