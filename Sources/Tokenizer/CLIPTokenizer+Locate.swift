import Foundation

extension CLIPTokenizer {
    /// The tokenizer for the vocabulary `locateDefaultVocabulary()` finds.
    public static func locateDefault() throws -> CLIPTokenizer {
        try CLIPTokenizer(contentsOf: locateDefaultVocabulary())
    }

    /// Finds CLIP's vocabulary, trying in order:
    /// 1. `$EASEL_DATA_DIR/clip`;
    /// 2. `data/clip` in the running executable's folder or any folder above it (the
    ///    executable found through `/proc/self/exe`), then likewise from the current folder;
    /// 3. `$XDG_DATA_HOME/easel/clip` (`~/.local/share/easel/clip` by default).
    /// A folder counts when it holds `bpe_simple_vocab_16e6.txt` or `vocab.json` + `merges.txt`.
    public static func locateDefaultVocabulary(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) throws -> URL {
        let candidates = defaultCandidates(environment: environment, currentDirectory: currentDirectory)
        if let found = candidates.first(where: holdsVocabulary) { return found }
        throw TokenizerError.vocabularyNotFound(searched: searchedDescription(environment: environment))
    }

    static func defaultCandidates(environment: [String: String], currentDirectory: String) -> [URL] {
        var candidates: [URL] = []
        if let dataDirectory = environment["EASEL_DATA_DIR"], !dataDirectory.isEmpty {
            candidates.append(URL(fileURLWithPath: dataDirectory).appendingPathComponent("clip"))
        }
        var starts: [URL] = []
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
        }
        starts.append(URL(fileURLWithPath: currentDirectory))
        for start in starts {
            var folder = start.standardizedFileURL
            while true {
                candidates.append(folder.appendingPathComponent("data/clip"))
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        candidates.append(userDataDirectory(environment: environment).appendingPathComponent("easel/clip"))
        return candidates
    }

    private static func userDataDirectory(environment: [String: String]) -> URL {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return URL(fileURLWithPath: xdg) }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share")
    }

    private static func holdsVocabulary(_ folder: URL) -> Bool {
        let files = FileManager.default
        return files.fileExists(atPath: folder.appendingPathComponent(CLIPVocabulary.openCLIPFileName).path)
            || (files.fileExists(atPath: folder.appendingPathComponent("vocab.json").path)
                && files.fileExists(atPath: folder.appendingPathComponent("merges.txt").path))
    }

    private static func searchedDescription(environment: [String: String]) -> [String] {
        var searched: [String] = []
        if let dataDirectory = environment["EASEL_DATA_DIR"], !dataDirectory.isEmpty { searched.append("\(dataDirectory)/clip") }
        searched.append("data/clip above the executable and the current folder")
        searched.append(userDataDirectory(environment: environment).appendingPathComponent("easel/clip").path)
        return searched
    }
}
