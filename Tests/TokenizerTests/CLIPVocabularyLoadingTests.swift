import Foundation
import TestSupport
@testable import Tokenizer
import XCTest

final class CLIPVocabularyLoadingTests: XCTestCase {
    private func copyFixtureVocabulary(to folder: URL) throws {
        for name in ["vocab.json", "merges.txt"] {
            try FileManager.default.copyItem(at: Fixtures.url("clip-tokenizer/\(name)"),
                                             to: folder.appendingPathComponent(name))
        }
    }

    func testLocateDefaultPrefersEaselDataDir() throws {
        let data = try Fixtures.temporaryDirectory("easel-data")
        let clip = data.appendingPathComponent("clip")
        try FileManager.default.createDirectory(at: clip, withIntermediateDirectories: true)
        try copyFixtureVocabulary(to: clip)
        let found = try CLIPTokenizer.locateDefaultVocabulary(environment: ["EASEL_DATA_DIR": data.path],
                                                    currentDirectory: "/")
        XCTAssertEqual(found.standardizedFileURL.path, clip.standardizedFileURL.path)
    }

    /// After `$EASEL_DATA_DIR`: `data/clip` above the executable, then above the current
    /// folder, then the XDG data folder.
    func testSearchOrder() throws {
        let root = try Fixtures.temporaryDirectory("easel-tree")
        let nested = root.appendingPathComponent("a/b")
        let candidates = CLIPTokenizer.defaultCandidates(
            environment: ["EASEL_DATA_DIR": "/opt/easel-data", "XDG_DATA_HOME": "/xdg"], currentDirectory: nested.path)
        let paths = candidates.map(\.path)
        XCTAssertEqual(paths.first, "/opt/easel-data/clip")
        XCTAssertEqual(paths.last, "/xdg/easel/clip")
        let executableFolder = try XCTUnwrap(try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        let firstExecutableCandidate = URL(fileURLWithPath: executableFolder).deletingLastPathComponent()
            .standardizedFileURL.appendingPathComponent("data/clip").path
        let cwdCandidates = [nested, root.appendingPathComponent("a"), root]
            .map { $0.standardizedFileURL.appendingPathComponent("data/clip").path }
        let executableIndex = try XCTUnwrap(paths.firstIndex(of: firstExecutableCandidate))
        let cwdIndices = try cwdCandidates.map { try XCTUnwrap(paths.lastIndex(of: $0)) }
        XCTAssertLessThan(executableIndex, cwdIndices[0])
        XCTAssertEqual(cwdIndices, [cwdIndices[0], cwdIndices[0] + 1, cwdIndices[0] + 2])
        XCTAssertEqual(paths[paths.count - 2], "/data/clip")
    }

    func testLocateDefaultFindsTheFirstFolderThatHoldsAVocabulary() throws {
        let xdg = try Fixtures.temporaryDirectory("easel-xdg")
        let clip = xdg.appendingPathComponent("easel/clip")
        try FileManager.default.createDirectory(at: clip, withIntermediateDirectories: true)
        try copyFixtureVocabulary(to: clip)
        let found = try CLIPTokenizer.locateDefaultVocabulary(environment: ["EASEL_DATA_DIR": clip.deletingLastPathComponent().path],
                                                    currentDirectory: "/")
        XCTAssertEqual(found.standardizedFileURL.path, clip.standardizedFileURL.path)
    }

    func testMissingVocabularyErrorSaysHowToInstallIt() throws {
        let empty = try Fixtures.temporaryDirectory("easel-empty")
        let environment = ["EASEL_DATA_DIR": empty.path, "XDG_DATA_HOME": empty.path, "HOME": empty.path]
        let candidates = CLIPTokenizer.defaultCandidates(environment: environment, currentDirectory: empty.path)
        XCTAssertEqual(candidates.first?.path, empty.appendingPathComponent("clip").path)
        let error = TokenizerError.vocabularyNotFound(searched: [empty.path])
        XCTAssertTrue(error.description.contains("make setup"))
        XCTAssertTrue(error.description.contains("bash tools/setup.sh"))
        XCTAssertFalse(error.description.contains("\n"))
    }

    func testMalformedFilesNameTheFileAndLine() throws {
        let folder = try Fixtures.temporaryDirectory("easel-bad-vocab")
        try FileManager.default.copyItem(at: Fixtures.url("clip-tokenizer/vocab.json"),
                                         to: folder.appendingPathComponent("vocab.json"))
        let merges = folder.appendingPathComponent("merges.txt")
        try "#version: 0.2\ni n\nthis line has three\n".write(to: merges, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try CLIPVocabulary.load(from: folder)) { error in
            XCTAssertEqual("\(error)", "\(merges.path):3: expected two tokens separated by a space")
        }

        try "#version: 0.2\nq zz\n".write(to: merges, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try CLIPVocabulary.load(from: folder)) { error in
            XCTAssertEqual("\(error)", "\(merges.path):2: token 'qzz' is not in the vocabulary")
        }

        try "[1, 2]".write(to: folder.appendingPathComponent("vocab.json"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try CLIPVocabulary.load(from: folder)) { error in
            XCTAssertTrue("\(error)".hasSuffix("vocab.json: expected a JSON object of token ids"), "\(error)")
        }

        XCTAssertThrowsError(try CLIPTokenizer(directory: folder.appendingPathComponent("nothing-here"))) { error in
            XCTAssertTrue("\(error)".contains("nothing-here"), "\(error)")
            XCTAssertTrue("\(error)".contains("make setup"), "\(error)")
        }

        try "{not json".write(to: folder.appendingPathComponent("vocab.json"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try CLIPTokenizer(directory: folder)) { error in
            XCTAssertTrue("\(error)".hasSuffix("vocab.json: not valid JSON"), "\(error)")
        }
    }

    /// Issue 17, item 12: an id past the vocabulary (here 1e20, and 5 in a 3-token table) was
    /// reported as "not a whole number"; each bad value now says what it is.
    func testBadIdsAreWordedByWhatIsWrong() throws {
        let folder = try Fixtures.temporaryDirectory("easel-bad-ids")
        let merges = folder.appendingPathComponent("merges.txt")
        try "#version: 0.2\n".write(to: merges, atomically: true, encoding: .utf8)
        let vocab = folder.appendingPathComponent("vocab.json")
        for (json, message) in [
            (#"{"a": 0, "b": 1, "c": 1e20}"#, "the id of 'c' is 1e+20, out of range: 3 tokens have ids 0 to 2"),
            (#"{"a": 0, "b": 1, "c": 5}"#, "the id of 'c' is 5, out of range: 3 tokens have ids 0 to 2"),
            (#"{"a": 0, "b": 1, "c": 1.5}"#, "the id of 'c' is 1.5, not a whole number"),
            (#"{"a": 0, "b": 1, "c": -1}"#, "the id of 'c' is -1, a negative number"),
            (#"{"a": 0, "b": 1, "c": "two"}"#, "the id of 'c' is not a number"),
        ] {
            try json.write(to: vocab, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try CLIPVocabulary.load(vocabJSON: vocab, merges: merges)) {
                XCTAssertEqual("\($0)", "\(vocab.path): \(message)")
            }
        }
    }
}
