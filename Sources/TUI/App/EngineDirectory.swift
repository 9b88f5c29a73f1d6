import EngineAPI
import TUICore

/// The engines the workbench can switch to (the engine picker's list), built by the command
/// line from the engines settings file, so the TUI never names an engine implementation.
public struct EngineDirectory: Sendable {
    /// `local` first, then each engine of the settings file.
    public var entries: [EngineEntry]
    /// The engine the workbench starts on.
    public var current: String
    /// The model each engine starts with when the workbench first switches to it (local: the
    /// model given or the demo model); an engine not named here starts with its first model.
    public var startModels: [String: String]
    /// Builds the engine called `name`; a bad entry is a one-line error. Called off the UI thread.
    public var make: @Sendable (String) throws -> any ImageEngine

    public init(entries: [EngineEntry] = [EngineEntry(name: EngineState.localName, detail: "in process, on this machine")],
                current: String = EngineState.localName, startModels: [String: String] = [:],
                make: @escaping @Sendable (String) throws -> any ImageEngine = { name in
                    throw EngineError.unsupported("no engine '\(name)' here")
                }) {
        self.entries = entries
        self.current = current
        self.startModels = startModels
        self.make = make
    }
}
