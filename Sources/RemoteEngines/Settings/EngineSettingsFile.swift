import Foundation

/// The engines settings file: `$EASEL_ENGINES` when set, else
/// `$XDG_CONFIG_HOME/easel/engines.json` (default `~/.config/easel/engines.json`).
///
/// ```json
/// {"engines": [
///   {"name": "gpu-box", "kind": "comfyui", "url": "http://10.0.0.5:8188"},
///   {"name": "forge", "kind": "a1111", "url": "http://10.0.0.6:7860",
///    "user": "me", "passwordEnv": "FORGE_PASSWORD"}
/// ]}
/// ```
/// `local` (the in-process engine) is always there and cannot be redefined.
public enum EngineSettingsFile {
    /// The name of the in-process engine.
    public static let localName = "local"

    private struct Contents: Decodable {
        var engines: [RemoteEngineConfig]
    }

    /// Where the file is read from.
    public static func location(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let explicit = environment["EASEL_ENGINES"], !explicit.isEmpty {
            return URL(fileURLWithPath: (explicit as NSString).expandingTildeInPath)
        }
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".config")
        return URL(fileURLWithPath: config).appendingPathComponent("easel/engines.json")
    }

    /// The engines in the file; none when the file does not exist.
    public static func load(from url: URL = location()) throws -> [RemoteEngineConfig] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw RemoteEngineError.settings("\(url.path): cannot be read")
        }
        let engines: [RemoteEngineConfig]
        do {
            engines = try JSONDecoder().decode(Contents.self, from: data).engines
        } catch let error as DecodingError {
            throw RemoteEngineError.settings("\(url.path): \(DecodingErrorText.line(error))")
        }
        try check(engines, file: url)
        return engines
    }

    /// The engine named `name`, or a one-line error listing the names there are.
    public static func engine(named name: String, from url: URL = location()) throws -> RemoteEngineConfig {
        let engines = try load(from: url)
        guard let found = engines.first(where: { $0.name == name }) else {
            let known = ([localName] + engines.map(\.name)).joined(separator: ", ")
            throw RemoteEngineError.settings("unknown engine '\(name)' (known: \(known); engines are defined in \(url.path))")
        }
        return found
    }

    private static func check(_ engines: [RemoteEngineConfig], file: URL) throws {
        var seen: Set<String> = [localName]
        for engine in engines {
            guard !engine.name.isEmpty else { throw RemoteEngineError.settings("\(file.path): an engine has an empty name") }
            guard seen.insert(engine.name).inserted else {
                throw RemoteEngineError.settings("\(file.path): engine name '\(engine.name)' is used twice (or is 'local')")
            }
            guard let scheme = engine.url.scheme?.lowercased(), ["http", "https"].contains(scheme),
                  engine.url.host?.isEmpty == false else {
                throw RemoteEngineError.settings(
                    "\(file.path): engine '\(engine.name)': url '\(engine.url.absoluteString)' is not an http:// or https:// address with a host")
            }
        }
    }
}

/// A `DecodingError` as one line naming the field.
enum DecodingErrorText {
    static func line(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field '\(path(context.codingPath + [key]))'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "field '\(path(context.codingPath))': \(context.debugDescription)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "field '\(path(context.codingPath))': \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            .replacingOccurrences(of: ".[", with: "[")
    }
}
