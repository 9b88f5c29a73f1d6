import Foundation

/// Shell-style completion of a path typed into a file prompt: the text grows to the longest
/// prefix that all matching entries of its folder share, and the matches are listed (folders
/// end in "/"). Hidden entries are offered only when the typed name starts with ".".
public enum PathCompletion {
    public struct Result: Equatable, Sendable {
        public var text: String
        public var candidates: [String]
    }

    /// Completes `text` with the entries `list` gives for its folder.
    public static func complete(_ text: String, list: (String) -> [String]?) -> Result {
        let slash = text.lastIndex(of: "/")
        let folder = slash.map { String(text[...$0]) } ?? ""
        let partial = slash.map { String(text[text.index(after: $0)...]) } ?? text
        guard let entries = list(folder.isEmpty ? "." : folder) else { return Result(text: text, candidates: []) }
        let matches = entries.filter { $0.hasPrefix(partial) && (partial.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted()
        guard let first = matches.first else { return Result(text: text, candidates: []) }
        let common = matches.dropFirst().reduce(first) { prefix, name in String(prefix.commonPrefix(with: name)) }
        return Result(text: folder + common, candidates: matches.count > 1 ? matches : [])
    }

    /// The folder's entries, folders with a trailing "/".
    @Sendable public static func listDirectory(_ path: String) -> [String]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return nil }
        return names.map { name in
            var isFolder: ObjCBool = false
            let full = (path as NSString).appendingPathComponent(name)
            return FileManager.default.fileExists(atPath: full, isDirectory: &isFolder) && isFolder.boolValue ? name + "/" : name
        }
    }
}
