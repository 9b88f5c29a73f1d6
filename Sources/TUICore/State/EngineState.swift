import Catalog
import EngineAPI
import RenderSettings

/// One engine the workbench can switch to: `local` or an entry of the engines settings file.
public struct EngineEntry: Equatable, Sendable {
    public var name: String
    /// What the picker shows beside the name: "in process" or the server's kind and address.
    public var detail: String

    public init(name: String, detail: String) {
        self.name = name
        self.detail = detail
    }
}

/// Which engine renders, which ones there are, and what is known of the loaded model's family.
/// Each engine keeps its own model: a switch back restores the one it had.
public struct EngineState: Equatable, Sendable {
    public static let localName = "local"

    public var entries: [EngineEntry] = [EngineEntry(name: localName, detail: "in process, on this machine")]
    public var current = localName
    /// The engine being connected to (off the UI thread), until `engineConnected` or `engineFailed`.
    public var connecting: String?
    /// Each engine's model, by engine name, as it was when the workbench left that engine.
    public var models: [String: String] = [:]
    /// Whether the current engine can stop a job on its server (`sd-server` cannot).
    public var canCancel = true
    /// The noise sources the current engine renders as asked (`EngineCapabilities.noiseSources`);
    /// a loaded PNG's other source falls back to CPU noise, and is noted.
    public var noiseSources: Set<RNGSource> = [.cpu, .nv, .comfyui]
    /// The loaded model's family when the engine only guessed it; nil when it is known.
    public var familyGuess: FamilyGuess?
    /// Families the user set by hand this session, by `correctionKey`.
    public var corrections: [String: CheckpointFamily] = [:]

    public init() {}

    /// Where renders go, for the parameter panel's title: nil on the local engine,
    /// "on comfy", "connecting to comfy…".
    public var `where`: String? {
        if let connecting { return "connecting to \(connecting)…" }
        return current == Self.localName ? nil : "on \(current)"
    }

    /// The key of a model on the current engine in `corrections`.
    public func correctionKey(model: String?) -> String { current + "\u{1F}" + (model ?? "") }

    /// The families a guess can be corrected to (the base families servers render).
    public static let correctableFamilies: [CheckpointFamily] = [.sd1, .sd2, .sdxl, .sd3, .flux]
}
