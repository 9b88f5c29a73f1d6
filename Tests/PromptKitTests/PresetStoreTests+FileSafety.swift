import XCTest
import SafeFiles
@testable import PromptKit

/// Issue 17, items 1 and 3, through the store. Before the fix `delete("photos")` printed success
/// and removed `photos.json/` with everything below it.
extension PresetStoreTests {
    func testDeleteRefusesAFolderNamedLikeAPreset() throws {
        let tree = dir.appendingPathComponent("photos.json/2024")
        try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: tree.appendingPathComponent("beach.jpg").path, contents: Data([1]))
        XCTAssertThrowsError(try store.delete("photos")) {
            XCTAssertEqual("\($0)", "\(dir.appendingPathComponent("photos.json").path): not deleted: it is a folder, not a file Easel writes")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: tree.appendingPathComponent("beach.jpg").path))
    }

    /// The issue's leftover after a SIGKILL, `.victim.json.<UUID>.tmp`, goes on the next save once
    /// it is older than five minutes; the new temporary names start `.easel-tmp-`.
    func testASaveRemovesStaleTemporaryFiles() throws {
        try store.save(Preset(name: "first", grid: PromptGrid()))
        let leftover = dir.appendingPathComponent(".victim.json.\(UUID().uuidString).tmp").path
        FileManager.default.createFile(atPath: leftover, contents: Data(repeating: 0, count: 810))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: leftover)
        try store.save(Preset(name: "second", grid: PromptGrid()))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["first.json", "second.json"])
    }
}
