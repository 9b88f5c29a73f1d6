import Foundation

/// The model library: the folders checkpoints, LoRAs and embeddings are found in, in search
/// order — the settings file's own folders, then each install's (`InstallLayout`), then
/// Easel's defaults `$XDG_DATA_HOME/easel/models/{checkpoints,loras,embeddings}` (normally
/// `~/.local/share/easel/models/…`). Only folders that exist are kept; each appears once.
public struct LibraryFolders: Equatable, Sendable {
    public var checkpoints: [URL] = []
    public var loras: [URL] = []
    public var embeddings: [URL] = []
    /// Problems worth a warning (an install that is neither A1111 nor ComfyUI, a folder named
    /// in the settings that does not exist), one line each.
    public var notes: [String] = []

    public init(checkpoints: [URL] = [], loras: [URL] = [], embeddings: [URL] = [], notes: [String] = []) {
        self.checkpoints = checkpoints
        self.loras = loras
        self.embeddings = embeddings
        self.notes = notes
    }

    /// The library under `environment`'s settings file; throws one line when that file is bad.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LibraryFolders {
        let file = LibrarySettings.file(environment: environment)
        return resolve(try LibrarySettings.load(file), relativeTo: file.deletingLastPathComponent(), environment: environment)
    }

    /// `settings` made into folders (see the type's comment).
    public static func resolve(_ settings: LibrarySettings, relativeTo base: URL,
                               environment: [String: String]) -> LibraryFolders {
        let home = LibrarySettings.home(environment)
        func url(_ path: String) -> URL {
            if path == "~" { return home }
            if path.hasPrefix("~/") { return home.appendingPathComponent(String(path.dropFirst(2))) }
            return path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
        }
        var library = LibraryFolders()
        var checkpoints = settings.checkpoints.map(url), loras = settings.loras.map(url), embeddings = settings.embeddings.map(url)
        for named in checkpoints + loras + embeddings where !isFolder(named) {
            library.notes.append("library folder \(named.path) does not exist")
        }
        for install in settings.installs.map(url) {
            guard let layout = InstallLayout.detect(install) else {
                library.notes.append("\(install.path) is neither an A1111 install (models/Stable-diffusion) nor a ComfyUI one (models/checkpoints)")
                continue
            }
            checkpoints += layout.checkpoints.map(install.appendingPathComponent)
            loras += layout.loras.map(install.appendingPathComponent)
            embeddings += layout.embeddings.map(install.appendingPathComponent)
        }
        let defaults = LibrarySettings.dataHome(environment).appendingPathComponent("easel/models")
        checkpoints.append(defaults.appendingPathComponent("checkpoints"))
        loras.append(defaults.appendingPathComponent("loras"))
        embeddings.append(defaults.appendingPathComponent("embeddings"))
        library.checkpoints = existing(checkpoints)
        library.loras = existing(loras)
        library.embeddings = existing(embeddings)
        return library
    }

    private static func existing(_ folders: [URL]) -> [URL] {
        var seen = Set<String>()
        return folders.filter { isFolder($0) && seen.insert($0.standardizedFileURL.path).inserted }
    }
}
