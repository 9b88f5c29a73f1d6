import Foundation

extension CLIPTokenizer {
    /// The tokenizer with CLIP's standard vocabulary, found in `$EASEL_DATA_DIR/clip`, then
    /// `data/clip` in an ancestor folder of the executable or the current folder (where
    /// `tools/setup.sh` puts it), then `$XDG_DATA_HOME/easel/clip`.
    public static func locateDefault() throws -> CLIPTokenizer {
        let candidates = defaultVocabularyFolders()
        for folder in candidates where hasVocabulary(folder) {
            return try CLIPTokenizer(directory: folder)
        }
        throw TokenizerError.vocabularyMissing(candidates.map(\.path).joined(separator: ", "))
    }

    static func hasVocabulary(_ folder: URL) -> Bool {
        let fm = FileManager.default
        return fm.fileExists(atPath: folder.appendingPathComponent("bpe_simple_vocab_16e6.txt").path)
            || fm.fileExists(atPath: folder.appendingPathComponent("vocab.json").path)
    }

    static func defaultVocabularyFolders() -> [URL] {
        let env = ProcessInfo.processInfo.environment
        var folders: [URL] = []
        if let dir = env["EASEL_DATA_DIR"], !dir.isEmpty { folders.append(URL(fileURLWithPath: dir).appendingPathComponent("clip")) }
        var starts: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        starts.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        for start in starts {
            var dir = start
            for _ in 0..<8 {
                let candidate = dir.appendingPathComponent("data/clip")
                if hasVocabulary(candidate) { folders.append(candidate); break }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        let dataHome = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share")
        folders.append(dataHome.appendingPathComponent("easel/clip"))
        return folders
    }
}
