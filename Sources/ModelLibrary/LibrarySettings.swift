import Foundation

/// The settings file that names the model library's folders:
/// `$XDG_CONFIG_HOME/easel/config.json` (else `~/.config/easel/config.json`).
///
/// ```json
/// {
///   "checkpoints": ["~/models/sd"],
///   "loras": ["~/models/lora"],
///   "embeddings": ["~/models/embeddings"],
///   "installs": ["~/stable-diffusion-webui", "~/ComfyUI"]
/// }
/// ```
/// Every key is optional; `~` stands for the home folder; relative paths are relative to the
/// settings file's folder. `installs` names A1111 or ComfyUI installs whose model folders are
/// read (`InstallLayout`). Unknown keys are ignored; a key of the wrong type is an error
/// naming it.
public struct LibrarySettings: Decodable, Equatable, Sendable {
    public var checkpoints: [String] = []
    public var loras: [String] = []
    public var embeddings: [String] = []
    public var installs: [String] = []

    public init(checkpoints: [String] = [], loras: [String] = [], embeddings: [String] = [], installs: [String] = []) {
        self.checkpoints = checkpoints
        self.loras = loras
        self.embeddings = embeddings
        self.installs = installs
    }

    enum CodingKeys: String, CodingKey { case checkpoints, loras, embeddings, installs }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        for key in [CodingKeys.checkpoints, .loras, .embeddings, .installs] where c.contains(key) {
            guard (try? c.decode([String].self, forKey: key)) != nil else {
                throw LibraryError.field(key.rawValue, "expected a list of folder paths")
            }
        }
        checkpoints = try c.decodeIfPresent([String].self, forKey: .checkpoints) ?? []
        loras = try c.decodeIfPresent([String].self, forKey: .loras) ?? []
        embeddings = try c.decodeIfPresent([String].self, forKey: .embeddings) ?? []
        installs = try c.decodeIfPresent([String].self, forKey: .installs) ?? []
    }

    /// The settings file's place under `environment`.
    public static func file(environment: [String: String]) -> URL {
        configHome(environment).appendingPathComponent("easel/config.json")
    }

    /// Reads `url`; a missing file is the empty settings, an unreadable one an error.
    public static func load(_ url: URL) throws -> LibrarySettings {
        guard FileManager.default.fileExists(atPath: url.path) else { return LibrarySettings() }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw LibraryError.unreadable(url.path, "cannot be read") }
        guard data.count <= 1 << 20 else { throw LibraryError.unreadable(url.path, "is over 1 MiB") }
        do {
            return try JSONDecoder().decode(LibrarySettings.self, from: data)
        } catch let error as LibraryError {
            throw LibraryError.unreadable(url.path, error.description)
        } catch {
            throw LibraryError.unreadable(url.path, "is not a JSON object of folder lists")
        }
    }

    public static func home(_ environment: [String: String]) -> URL {
        environment["HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
    }

    public static func configHome(_ environment: [String: String]) -> URL {
        environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? home(environment).appendingPathComponent(".config")
    }

    /// `$XDG_DATA_HOME`, else `~/.local/share` (XDG Base Directory spec).
    public static func dataHome(_ environment: [String: String]) -> URL {
        environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? home(environment).appendingPathComponent(".local/share")
    }
}

/// A settings problem, as one line.
public enum LibraryError: Error, Equatable, CustomStringConvertible {
    case field(String, String)
    case unreadable(String, String)

    public var description: String {
        switch self {
        case let .field(key, problem): return "'\(key)': \(problem)"
        case let .unreadable(path, problem): return "\(path): \(problem)"
        }
    }
}
