import Foundation
import ModelLibrary

/// How much render history to keep: the `history` object of the settings file
/// (`LibrarySettings.file`, `$XDG_CONFIG_HOME/easel/config.json`):
///
/// ```json
/// { "history": { "max-mb": 512, "max-entries": 1000 } }
/// ```
/// Both keys are optional (defaults: 512 MB, 1000 entries); 0 for either keeps no history.
/// When a new render takes the history over a bound, the oldest entries are deleted.
public struct HistorySettings: Equatable, Sendable {
    public var maxBytes: Int
    public var maxEntries: Int

    public init(maxMegabytes: Double = 512, maxEntries: Int = 1000) {
        maxBytes = Int(maxMegabytes * 1_000_000)
        self.maxEntries = maxEntries
    }

    /// False when a bound is 0: nothing is recorded.
    public var isEnabled: Bool { maxBytes > 0 && maxEntries > 0 }

    /// The history's folder: `$XDG_DATA_HOME/easel/history` (else `~/.local/share/easel/history`).
    public static func folder(environment: [String: String]) -> URL {
        LibrarySettings.dataHome(environment).appendingPathComponent("easel/history")
    }

    /// The settings file's `history` object; a missing file or key gives the defaults, a bad
    /// value one line naming the file and the key.
    public static func load(environment: [String: String]) throws -> HistorySettings {
        let url = LibrarySettings.file(environment: environment)
        guard FileManager.default.fileExists(atPath: url.path) else { return HistorySettings() }
        guard let data = try? Data(contentsOf: url), data.count <= 1 << 20 else {
            throw LibraryError.unreadable(url.path, "cannot be read (or is over 1 MiB)")
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw LibraryError.unreadable(url.path, "is not a JSON object")
        }
        do { return try parse(object["history"]) } catch let error as LibraryError {
            throw LibraryError.unreadable(url.path, error.description)
        }
    }

    /// The `history` value (nil: absent).
    static func parse(_ value: Any?) throws -> HistorySettings {
        var settings = HistorySettings()
        guard let value else { return settings }
        guard let table = value as? [String: Any] else {
            throw LibraryError.field("history", "expected an object such as {\"max-mb\": 512, \"max-entries\": 1000}")
        }
        if let raw = table["max-mb"] {
            guard let number = raw as? NSNumber, !(raw is Bool), number.doubleValue >= 0, number.doubleValue < 1e7 else {
                throw LibraryError.field("history.max-mb", "expected a number of megabytes ≥ 0")
            }
            settings.maxBytes = Int(number.doubleValue * 1_000_000)
        }
        if let raw = table["max-entries"] {
            guard let number = raw as? NSNumber, !(raw is Bool), number.doubleValue >= 0,
                  number.doubleValue == number.doubleValue.rounded(), number.doubleValue < 1e9 else {
                throw LibraryError.field("history.max-entries", "expected a whole number ≥ 0")
            }
            settings.maxEntries = number.intValue
        }
        return settings
    }
}
