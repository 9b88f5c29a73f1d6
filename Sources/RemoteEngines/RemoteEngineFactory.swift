import EngineAPI

/// Builds the engine an entry of the settings file describes.
public enum RemoteEngineFactory {
    public static func make(_ config: RemoteEngineConfig) throws -> any ImageEngine {
        switch config.kind {
        case .a1111: return try A1111Engine(config: config)
        case .comfyui: return try ComfyEngine(config: config)
        }
    }
}
