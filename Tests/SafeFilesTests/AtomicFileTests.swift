import Foundation
import XCTest
@testable import SafeFiles

/// Issue 17, items 2 and 3. Before the fix both writers (`Imaging.AtomicFileWriter` and
/// `PromptKit.AtomicFile`) renamed over whatever was at the destination, created any missing
/// folder, and named temporaries `.NAME.UUID.tmp`; each test below failed against them.
final class AtomicFileTests: XCTestCase {
    private var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "safefiles-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func testReplacesARegularFile() throws {
        let path = folder + "a.txt"
        try AtomicFile.write(Array("old".utf8), to: path)
        try AtomicFile.write(Array("new".utf8), to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["a.txt"])
    }

    /// The decision documented in the README: a link at the destination is refused, whether it
    /// points at a device (`/proc/self/fd/1`, the case the issue found) or at a regular file; the
    /// link and its target stay as they were.
    func testRefusesASymbolicLinkAndKeepsIt() throws {
        let target = folder + "target.txt"
        try AtomicFile.write(Array("target".utf8), to: target)
        for destination in ["/proc/self/fd/1", target] {
            let link = folder + "x.png"
            try? FileManager.default.removeItem(atPath: link)
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: destination)
            XCTAssertThrowsError(try AtomicFile.write([1, 2, 3], to: link)) {
                XCTAssertTrue("\($0)".contains("symbolic link"), "\($0)")
            }
            XCTAssertEqual(FileKind(atPath: link), .symbolicLink)
        }
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "target")
    }

    func testRefusesAFolderAndAFIFO() throws {
        try FileManager.default.createDirectory(atPath: folder + "dir.csv", withIntermediateDirectories: false)
        XCTAssertThrowsError(try AtomicFile.write([1], to: folder + "dir.csv")) { XCTAssertTrue("\($0)".contains("folder"), "\($0)") }
        XCTAssertEqual(mkfifo(folder + "pipe.csv", 0o600), 0)
        XCTAssertThrowsError(try AtomicFile.write([1], to: folder + "pipe.csv")) { XCTAssertTrue("\($0)".contains("FIFO"), "\($0)") }
        XCTAssertEqual(FileKind(atPath: folder + "pipe.csv"), .special)
        XCTAssertEqual(FileKind(atPath: "/dev/null"), .special)
        XCTAssertThrowsError(try AtomicFile.write([1], to: "/dev/null"))
    }

    func testAMissingFolderIsCreatedOnlyWhenItIsEaselsOwn() throws {
        let typed = folder + "no/such/folder/styles.csv"
        XCTAssertThrowsError(try AtomicFile.write([1], to: typed)) { XCTAssertTrue("\($0)".contains("does not exist"), "\($0)") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "no"))
        try AtomicFile.write([1], to: typed, folder: .createIfMissing)
        XCTAssertEqual(FileKind(atPath: typed), .regular)
    }

    /// A kill during a write leaves a temporary file; the next write into the folder removes it
    /// once it is older than `staleAge` (five minutes), and leaves younger ones (a write that may
    /// still be running). The legacy name is the one the issue found: `.victim.json.<UUID>.tmp`.
    func testStaleTemporaryFilesAreRemovedOnTheNextWrite() throws {
        let stale = [".easel-tmp-victim.json-123-456", ".victim.json.\(UUID().uuidString).tmp", ".x.png.77.99.tmp"]
        let fresh = ".easel-tmp-other.json-1-2"
        for name in stale + [fresh] { try AtomicFile.write([0], to: folder + name) }
        let old = Date().addingTimeInterval(-(TemporaryFiles.staleAge + 60))
        for name in stale { try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder + name) }
        try AtomicFile.write([1], to: folder + "next.json")
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: folder)), [fresh, "next.json"])
    }

    func testTemporaryNamesAreRecognisable() {
        XCTAssertTrue(TemporaryFiles.name(for: "a.json").hasPrefix(".easel-tmp-a.json-"))
        XCTAssertTrue(TemporaryFiles.isTemporaryName(TemporaryFiles.name(for: "a.json")))
        XCTAssertFalse(TemporaryFiles.isTemporaryName(".hidden.tmp"))
        XCTAssertFalse(TemporaryFiles.isTemporaryName("preset.json"))
    }
}
