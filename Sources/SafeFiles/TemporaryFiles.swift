import Foundation

/// The names of Easel's temporary files, and the removal of ones a killed process left behind.
///
/// Every temporary file is `.easel-tmp-<destination name>-<pid>-<random>` in the destination's
/// folder, so one left by a SIGKILL is recognisable. When Easel next writes into that folder it
/// removes such files older than `staleAge`; a younger one may belong to a write still running.
public enum TemporaryFiles {
    public static let prefix = ".easel-tmp-"
    /// Five minutes: far longer than any write of a preset, styles file or PNG takes.
    public static let staleAge: TimeInterval = 5 * 60

    static func name(for destination: String) -> String {
        "\(prefix)\(destination)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// True for Easel's temporary names, including the two older forms (`.NAME.UUID.tmp` from the
    /// preset writer, `.NAME.PID.RANDOM.tmp` from the PNG writer) that a kill could have left.
    static func isTemporaryName(_ name: String) -> Bool {
        if name.hasPrefix(prefix) { return true }
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
        let parts = name.dropFirst().dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return false }
        let last = parts[parts.count - 1]
        if UUID(uuidString: String(last)) != nil { return true }
        return parts.count >= 4 && last.allSatisfy(\.isNumber) && parts[parts.count - 2].allSatisfy(\.isNumber)
    }

    /// Removes stale temporary files (regular files only) from `folder`; returns their names.
    @discardableResult
    public static func removeStale(in folder: String, now: Date = Date()) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var removed: [String] = []
        for name in names where isTemporaryName(name) {
            let path = folder.isEmpty ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
            guard FileKind(atPath: path) == .regular,
                  let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                  now.timeIntervalSince(modified) > staleAge else { continue }
            if unlink(path) == 0 { removed.append(name) }
        }
        return removed
    }
}
