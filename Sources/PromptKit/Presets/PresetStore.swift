import Foundation
import SafeFiles

/// The user's presets: one pretty-printed JSON file per preset in
/// `$XDG_CONFIG_HOME/easel/presets/` (default `~/.config/easel/presets/`), beside the
/// read-only built-ins. A broken file does not stop the others from loading.
public struct PresetStore: Sendable {
    /// One entry of `list()`.
    public struct Listing: Sendable {
        public enum Source: String, Sendable { case builtIn = "built-in", user }
        public let name: String
        public let source: Source
        /// The preset, or the one-line error that kept it from loading.
        public let preset: Result<Preset, PromptKitError>
    }

    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// `$XDG_CONFIG_HOME/easel/presets`, or `$HOME/.config/easel/presets` when
    /// `XDG_CONFIG_HOME` is unset or empty (XDG Base Directory spec).
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base: URL
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            base = URL(fileURLWithPath: xdg)
        } else {
            let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
            base = home.appendingPathComponent(".config")
        }
        return base.appendingPathComponent("easel/presets")
    }

    /// The file a preset of this name lives in (`PresetName.fileName(for:)`).
    public func url(for name: String) -> URL {
        directory.appendingPathComponent(PresetName.fileName(for: name) + ".json")
    }

    /// Built-ins, then the user's presets, each group sorted by name.
    public func list() -> [Listing] {
        let builtIns = BuiltinPresets.all.map { Listing(name: $0.name, source: .builtIn, preset: .success($0)) }
        let users = userPresetFiles().map { file -> Listing in
            let loaded = Result { try loadUser(file) }.mapError(Self.promptKitError)
            let name = (try? loaded.get())?.name ?? file.deletingPathExtension().lastPathComponent
            return Listing(name: name, source: .user, preset: loaded)
        }
        return builtIns + users.filter { BuiltinPresets.named($0.name) == nil }.sorted { $0.name < $1.name }
    }

    /// A built-in or user preset by name.
    public func load(_ name: String) throws -> Preset {
        if let builtIn = BuiltinPresets.named(name) { return builtIn }
        try PresetName.validate(name)
        guard FileManager.default.fileExists(atPath: url(for: name).path) else { throw PromptKitError.unknownPreset(name) }
        return try loadUser(url(for: name))
    }

    /// Saves atomically. Refuses a built-in's name, and an existing preset unless `force`.
    public func save(_ preset: Preset, force: Bool = false) throws {
        try PresetName.validate(preset.name)
        if BuiltinPresets.named(preset.name) != nil { throw PromptKitError.builtInPreset(preset.name) }
        if !force, FileManager.default.fileExists(atPath: url(for: preset.name).path) {
            throw PromptKitError.presetExists(preset.name)
        }
        try preset.grid.checkTextLengths()
        try preset.settings.validate()
        try JSONFile.write(preset, to: url(for: preset.name), folder: .createIfMissing)
    }

    /// Deletes the preset's file, which must be a regular file: a folder, link or device with
    /// the preset's name is refused with the reason (issue 17, item 1).
    public func delete(_ name: String) throws {
        if BuiltinPresets.named(name) != nil { throw PromptKitError.builtInPreset(name) }
        try PresetName.validate(name)
        let file = url(for: name)
        guard FileKind(atPath: file.path) != .missing else { throw PromptKitError.unknownPreset(name) }
        do { try RegularFile.remove(atPath: file.path) } catch let error as FileError {
            throw PromptKitError.badFile(location: error.path, reason: error.reason)
        }
    }

    /// A user preset file; its name is the file's `name` key, else the file name.
    private func loadUser(_ file: URL) throws -> Preset {
        var preset = try JSONFile.read(Preset.self, from: file)
        try preset.grid.checkTextLengths(file: file.path)
        try preset.style?.checkTextLengths(file: file.path)
        do { try preset.settings.validate() } catch {
            throw PromptKitError.badFile(location: file.path, reason: "settings: \(error)")
        }
        if preset.name.isEmpty { preset.name = file.deletingPathExtension().lastPathComponent }
        return preset
    }

    private func userPresetFiles() -> [URL] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
            .map { directory.appendingPathComponent($0) }
    }

    private static func promptKitError(_ error: Error) -> PromptKitError {
        error as? PromptKitError ?? .badFile(location: "?", reason: "\(error)")
    }
}
