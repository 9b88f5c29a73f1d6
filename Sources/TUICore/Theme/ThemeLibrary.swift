import Foundation

/// Finds theme files. A theme is `NAME.json` in the first of these folders that has it:
/// `$EASEL_THEMES`, `$XDG_CONFIG_HOME/easel/themes` (or `~/.config/easel/themes`), the
/// `themes/` folder of the source tree the executable was built in (found by walking up from the
/// executable), `/usr/local/share/easel/themes`, `/usr/share/easel/themes`.
public struct ThemeLibrary: Sendable {
    public var folders: [URL]

    public init(folders: [URL]) { self.folders = folders }

    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment,
                                executable: URL = URL(fileURLWithPath: CommandLine.arguments.first ?? ".")) -> ThemeLibrary {
        var folders: [URL] = []
        if let dir = environment["EASEL_THEMES"], !dir.isEmpty { folders.append(URL(fileURLWithPath: dir)) }
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        folders.append(URL(fileURLWithPath: config).appendingPathComponent("easel/themes"))
        var dir = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("themes")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("dark.json").path) {
                folders.append(candidate)
                break
            }
            dir = dir.deletingLastPathComponent()
        }
        folders.append(URL(fileURLWithPath: "/usr/local/share/easel/themes"))
        folders.append(URL(fileURLWithPath: "/usr/share/easel/themes"))
        return ThemeLibrary(folders: folders)
    }

    /// Theme names found, sorted, each once.
    public var availableNames: [String] {
        var names = Set<String>()
        for folder in folders {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in files where file.hasSuffix(".json") { names.insert(String(file.dropLast(5))) }
        }
        return names.sorted()
    }

    /// Loads a theme by name, or from a path when `name` contains a `/` or ends in `.json`.
    public func load(_ name: String) throws -> Theme {
        if name.contains("/") || name.hasSuffix(".json") {
            return try Theme.parse(try read(name), path: name)
        }
        for folder in folders {
            let url = folder.appendingPathComponent(name + ".json")
            if FileManager.default.fileExists(atPath: url.path) {
                return try Theme.parse(try read(url.path), path: url.path)
            }
        }
        if name == Theme.builtInMonochrome.name { return Theme.builtInMonochrome }
        throw ThemeError.notFound(name: name, searched: folders.map(\.path))
    }

    private func read(_ path: String) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ThemeError.badFile(path: path, reason: "cannot be read")
        }
    }
}
