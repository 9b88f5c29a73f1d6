import Foundation

/// Dynamic Prompts' word lists: `NAME.txt` files in a wildcards folder (subfolders give
/// `sub/NAME`), one choice a line; blank lines and lines starting with `#` are skipped
/// (dynamicprompts `wildcards/wildcard_manager.py`, `utils.py` `is_empty_line`/comments).
///
/// Folders are read once, in order (the first folder that has a name wins). Hostile files are
/// skipped with a one-line note naming them: over `maximumFileBytes`, holding a NUL byte
/// (binary), not UTF-8, or a link to a file outside the folder; at most `maximumFiles` lists.
public struct WildcardLibrary: Equatable, Sendable {
    public private(set) var lists: [String: [String]] = [:]
    /// One line per file or folder that was skipped.
    public private(set) var notes: [String] = []

    public static let maximumFileBytes = 4 * 1024 * 1024
    public static let maximumFiles = 5000
    public static let maximumLineBytes = 4096

    public init(lists: [String: [String]] = [:]) {
        self.lists = lists
    }

    /// Easel's default folder: `$XDG_DATA_HOME/easel/wildcards`, else `~/.local/share/easel/wildcards`.
    public static func defaultFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return URL(fileURLWithPath: data).appendingPathComponent("easel/wildcards")
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".local/share/easel/wildcards")
    }

    /// The word lists of `folders`; a missing folder is no error (the default need not exist).
    public static func load(_ folders: [URL]) -> WildcardLibrary {
        var library = WildcardLibrary()
        for folder in folders { library.read(folder) }
        return library
    }

    public func lines(named name: String) -> [String]? { lists[name] }

    /// A `WildcardExpander` over these lists.
    public var expander: WildcardExpander {
        let lists = self.lists
        return WildcardExpander { lists[$0] }
    }

    private mutating func read(_ folder: URL) {
        let root = folder.standardizedFileURL.resolvingSymlinksInPath()
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey],
                                                          options: [.skipsHiddenFiles]) else { return }
        for case let file as URL in walker where file.pathExtension.lowercased() == "txt" {
            guard lists.count < Self.maximumFiles else {
                notes.append("wildcards: more than \(Self.maximumFiles) word lists in \(folder.path); the rest are not read")
                return
            }
            let resolved = file.resolvingSymlinksInPath()
            guard resolved.path.hasPrefix(root.path + "/") else {
                notes.append("wildcard file \(file.path): links outside \(folder.path); skipped")
                continue
            }
            let own = file.standardizedFileURL.path
            guard own.hasPrefix(root.path + "/") else { continue }
            let relative = String(own.dropFirst(root.path.count + 1).dropLast(4))
            guard WildcardName.isValid(relative), lists[relative] == nil else { continue }
            switch Self.readList(resolved) {
            case .success(let lines): lists[relative] = lines
            case .failure(let reason): notes.append("wildcard file \(file.path): \(reason.text); skipped")
            }
        }
    }

    struct Refusal: Error { var text: String }

    /// The choices of one file, or why it was refused.
    static func readList(_ file: URL) -> Result<[String], Refusal> {
        guard let values = try? file.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey]), values.isRegularFile == true else {
            return .failure(Refusal(text: "not a regular file"))
        }
        guard (values.fileSize ?? 0) <= maximumFileBytes else {
            return .failure(Refusal(text: "over \(maximumFileBytes / 1024 / 1024) MiB"))
        }
        guard let data = try? Data(contentsOf: file) else { return .failure(Refusal(text: "cannot be read")) }
        guard data.count <= maximumFileBytes else { return .failure(Refusal(text: "over \(maximumFileBytes / 1024 / 1024) MiB")) }
        if data.contains(0) { return .failure(Refusal(text: "binary (holds a NUL byte)")) }
        guard let text = String(data: data, encoding: .utf8) else { return .failure(Refusal(text: "not UTF-8 text")) }
        return .success(parse(text))
    }

    /// Dynamic Prompts' list format: lines trimmed, blank and `#` lines skipped; a line longer
    /// than `maximumLineBytes` is skipped too.
    public static func parse(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") && $0.utf8.count <= maximumLineBytes }
    }
}
