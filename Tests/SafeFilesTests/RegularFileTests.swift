import Foundation
import XCTest
import SafeFiles

/// Issue 17, item 1: `FileManager.removeItem`, used before, deleted `photos.json/` and all
/// below it. Only a regular file may go.
final class RegularFileTests: XCTestCase {
    func testRefusesAFolderAndKeepsItsTree() throws {
        let folder = NSTemporaryDirectory() + "regularfile-\(UUID().uuidString)/photos.json"
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        try FileManager.default.createDirectory(atPath: folder + "/inner", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder + "/inner/keep.jpg", contents: Data([1]))
        XCTAssertThrowsError(try RegularFile.remove(atPath: folder)) { XCTAssertTrue("\($0)".contains("not deleted"), "\($0)") }
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/inner/keep.jpg"))
    }

    func testRefusesALinkAndRemovesAFile() throws {
        let folder = NSTemporaryDirectory() + "regularfile-\(UUID().uuidString)/"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder + "a.json", contents: Data([1]))
        try FileManager.default.createSymbolicLink(atPath: folder + "b.json", withDestinationPath: folder + "a.json")
        XCTAssertThrowsError(try RegularFile.remove(atPath: folder + "b.json"))
        try RegularFile.remove(atPath: folder + "a.json")
        XCTAssertEqual(FileKind(atPath: folder + "a.json"), .missing)
        XCTAssertThrowsError(try RegularFile.remove(atPath: folder + "a.json")) { XCTAssertTrue("\($0)".contains("no such file")) }
    }
}
