import EngineAPI
import RenderSettings

/// What the workbench asks of the model library's LoRA and embedding files, given by the
/// command that starts it (`EaselCLI`, which knows the in-process engine's `AdapterCatalog` and
/// `AdapterHashes`); a remote engine's workbench has none.
public struct AdapterServices: Sendable {
    /// The LoRAs and embeddings in the library folders, for the browser (F10).
    public var list: @Sendable () -> [AdapterFile]
    /// A1111's `Lora hashes` and `TI hashes` for a prompt and negative (saved PNGs carry them).
    public var hashes: @Sendable (_ prompt: String, _ negative: String) -> (loras: [NetworkHash], embeddings: [NetworkHash])
    /// A PNG's settings with each `<lora:…>` its folders lack renamed to the file `Lora hashes`
    /// names by hash, and a note per tag found so.
    public var resolveByHash: @Sendable (RenderSettings) -> (RenderSettings, notes: [String])

    public init(list: @escaping @Sendable () -> [AdapterFile] = { [] },
                hashes: @escaping @Sendable (String, String) -> (loras: [NetworkHash], embeddings: [NetworkHash]) = { _, _ in ([], []) },
                resolveByHash: @escaping @Sendable (RenderSettings) -> (RenderSettings, notes: [String]) = { ($0, []) }) {
        self.list = list
        self.hashes = hashes
        self.resolveByHash = resolveByHash
    }
}
