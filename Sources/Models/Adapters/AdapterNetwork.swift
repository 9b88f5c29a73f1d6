import Foundation
import SafeTensors

/// One LoRA/LyCORIS file, opened: its modules grouped by name, its metadata, and the keys
/// that belong to no module format Easel reads (counted and reported, never silently lost).
/// Tensors stay in the memory-mapped file until a merge reads them.
public struct AdapterNetwork: Sendable {
    public let url: URL
    /// The file's base name, the name a `<lora:NAME>` tag uses.
    public let name: String
    public let metadata: [String: String]
    public let modules: [AdapterModule]
    /// Keys with no known suffix (for example DoRA's `dora_scale`, or bias diffs).
    public let unreadKeys: [String]
    let file: SafeTensorsFile

    /// Opens a `.safetensors` adapter. Pickled `.pt`/`.ckpt` LoRAs are refused: A1111 and
    /// ComfyUI users publish LoRAs as safetensors, and the only pickles Easel reads are
    /// embeddings (through `TorchPickle`'s restricted reader).
    public init(url: URL) throws {
        let shown = url.lastPathComponent
        guard url.pathExtension.lowercased() == "safetensors" else {
            throw AdapterError.unreadable(file: shown, reason: "only .safetensors LoRA files are read")
        }
        let file: SafeTensorsFile
        do { file = try SafeTensorsFile(url: url) } catch {
            throw AdapterError.unreadable(file: shown, reason: "not a readable safetensors file (\(error))")
        }
        self.url = url
        self.file = file
        name = url.deletingPathExtension().lastPathComponent
        metadata = file.metadata
        var groups: [String: [String: String]] = [:]
        var unread: [String] = []
        for key in file.names {
            guard let (module, suffix) = AdapterModuleKind.split(key) else { unread.append(key); continue }
            groups[module, default: [:]][suffix] = key
        }
        var modules: [AdapterModule] = []
        for (module, tensors) in groups.sorted(by: { $0.key < $1.key }) {
            let kinds = Set(tensors.keys.compactMap { AdapterModuleKind.suffixes[$0] })
            guard kinds.count == 1, let kind = kinds.first else {
                unread += tensors.values.sorted()   // only alpha/scale, or two formats mixed
                continue
            }
            modules.append(AdapterModule(name: module, kind: kind, tensors: tensors, file: file))
        }
        self.modules = modules
        unreadKeys = unread
        guard !modules.isEmpty else {
            throw AdapterError.unreadable(file: shown, reason: "no LoRA, LoHa or LoKr modules in the file")
        }
    }

    /// kohya's `ss_output_name`, the name the network was trained under (an alias).
    public var outputName: String? { metadata["ss_output_name"].flatMap { $0.isEmpty ? nil : $0 } }

    /// How many modules of each kind the file holds, for messages ("18 LoRA modules").
    public var kinds: Set<AdapterModuleKind> { Set(modules.map(\.kind)) }
}
