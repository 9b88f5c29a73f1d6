import Foundation
import Imaging
import PromptKit
@testable import RenderHistory
import RenderSettings
import SafeFiles
import XCTest

/// The store against a temporary folder (never the user's `~/.local/share`). Expected values
/// are worked out by hand from the rules in `HistoryStore`'s comment: each test says which.
final class HistoryStoreTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("easel-history-\(UUID().uuidString)/history")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
    }

    private func image(_ width: Int = 64, _ height: Int = 32, grey: UInt8 = 128) -> RGBImage {
        RGBImage(width: width, height: height, filledWith: RGBColor(red: grey, green: grey, blue: grey))
    }

    private func settings(seed: UInt64, prompt: String = "a lighthouse") -> RenderSettings {
        var s = ModelFamily.sd15.profile.defaultSettings()
        s.prompt = prompt
        s.negativePrompt = "blurry"
        s.seed = seed
        return s
    }

    private func preset() -> Preset {
        var grid = PromptGrid()
        grid.what = PromptGrid.Row("a lighthouse")
        return Preset(name: "", grid: grid)
    }

    private func date(_ seconds: Double) -> Date { Date(timeIntervalSince1970: 1_800_000_000 + seconds) }

    private func names() -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
    }

    func testAddWritesImageThumbnailRecordAndIndexWithNoTemporaryFilesLeft() throws {
        let store = HistoryStore(folder: folder)
        let added = try XCTUnwrap(try store.add(image(), settings: settings(seed: 7), preset: preset(), date: date(0)))
        // 1_800_000_000 s after 1970 is 2027-01-15 08:00:00 UTC (date -u -d @1800000000).
        XCTAssertEqual(added.record.id, "20270115-080000-000")
        let id = added.record.id
        XCTAssertEqual(names(), [id + ".png", id + ".thumb.png", id + ".json", "index.json"])
        let png = try PNGFile.read(from: store.imageURL(id))
        XCTAssertEqual(png.image, image())
        XCTAssertEqual(png.text["parameters"], Infotext.format(settings(seed: 7)))
        XCTAssertNotNil(png.text[HistoryStore.gridKey])
        // 64×32 fits 96×96 already: never scaled up.
        XCTAssertEqual(try PNGFile.read(from: store.thumbnailURL(id)).image.width, 64)
        let listed = store.list()
        XCTAssertEqual(listed.notes, [])
        XCTAssertEqual(listed.records.map(\.id), [id])
        XCTAssertEqual(listed.records[0].settings, settings(seed: 7))
        XCTAssertEqual(listed.records[0].preset.grid, preset().grid)
        XCTAssertEqual(listed.records[0].date, date(0))
    }

    func testThumbnailOfALargeImageIsAtMost96PixelsKeepingItsShape() {
        // 512×256 scaled by 96/512 → 96×48.
        let thumb = HistoryStore.thumbnail(of: image(512, 256))
        XCTAssertEqual([thumb.width, thumb.height], [96, 48])
    }

    func testListIsNewestFirstAndNumberOneIsTheNewest() throws {
        let store = HistoryStore(folder: folder)
        for i in 0..<3 { try store.add(image(), settings: settings(seed: UInt64(i)), preset: preset(), date: date(Double(i))) }
        XCTAssertEqual(store.list().records.map(\.settings.seed), [2, 1, 0])
        XCTAssertEqual(try store.record(number: 1).settings.seed, 2)
        XCTAssertThrowsError(try store.record(number: 4))
    }

    func testTwoRendersInOneMillisecondGetDistinctIDs() throws {
        let store = HistoryStore(folder: folder)
        let a = try XCTUnwrap(try store.add(image(), settings: settings(seed: 1), preset: preset(), date: date(0)))
        let b = try XCTUnwrap(try store.add(image(), settings: settings(seed: 2), preset: preset(), date: date(0)))
        XCTAssertEqual(b.record.id, a.record.id + "-1")
        XCTAssertEqual(store.list().records.count, 2)
    }

    func testEntryBoundPrunesTheOldest() throws {
        let store = HistoryStore(folder: folder, settings: HistorySettings(maxMegabytes: 100, maxEntries: 2))
        var ids: [String] = []
        for i in 0..<4 {
            ids.append(try XCTUnwrap(try store.add(image(), settings: settings(seed: UInt64(i)), preset: preset(),
                                                   date: date(Double(i)))).record.id)
        }
        XCTAssertEqual(store.list().records.map(\.id), [ids[3], ids[2]])
        XCTAssertFalse(names().contains(ids[0] + ".png"))
        XCTAssertFalse(names().contains(ids[1] + ".json"))
    }

    func testByteBoundPrunesTheOldestButNeverTheNewEntry() throws {
        let store = HistoryStore(folder: folder)
        let first = try XCTUnwrap(try store.add(image(), settings: settings(seed: 1), preset: preset(), date: date(0)))
        // One entry's files take `bytes`; a bound of 1.5 entries keeps only the newest.
        let (index, _) = store.readIndex()
        let bytes = index.totalBytes
        let bounded = HistoryStore(folder: folder, settings: HistorySettings(maxMegabytes: Double(bytes) * 1.5 / 1_000_000))
        let second = try XCTUnwrap(try bounded.add(image(), settings: settings(seed: 2), preset: preset(), date: date(1)))
        XCTAssertEqual(second.pruned, [first.record.id])
        XCTAssertEqual(bounded.list().records.map(\.id), [second.record.id])
        // A bound smaller than one entry still keeps the one just added.
        let tiny = HistoryStore(folder: folder, settings: HistorySettings(maxMegabytes: 0.000001))
        let third = try XCTUnwrap(try tiny.add(image(), settings: settings(seed: 3), preset: preset(), date: date(2)))
        XCTAssertEqual(tiny.list().records.map(\.id), [third.record.id])
    }

    func testZeroBoundKeepsNothing() throws {
        let store = HistoryStore(folder: folder, settings: HistorySettings(maxMegabytes: 0))
        XCTAssertNil(try store.add(image(), settings: settings(seed: 1), preset: preset()))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path))
    }

    func testCorruptRecordIsANoteAndTheOthersStillLoad() throws {
        let store = HistoryStore(folder: folder)
        let a = try XCTUnwrap(try store.add(image(), settings: settings(seed: 1), preset: preset(), date: date(0)))
        let b = try XCTUnwrap(try store.add(image(), settings: settings(seed: 2), preset: preset(), date: date(1)))
        try Data("{ not json".utf8).write(to: folder.appendingPathComponent(a.record.id + ".json"))
        let listed = store.list()
        XCTAssertEqual(listed.records.map(\.id), [b.record.id])
        XCTAssertEqual(listed.notes.count, 1)
        XCTAssertTrue(listed.notes[0].contains(a.record.id), listed.notes[0])
        XCTAssertFalse(listed.notes[0].contains("\n"))
        // Adding more keeps the broken entry's files (they are not pruned while under the bound).
        try store.add(image(), settings: settings(seed: 3), preset: preset(), date: date(2))
        XCTAssertTrue(names().contains(a.record.id + ".json"))
    }

    func testCorruptIndexIsANoteAndIsRebuiltFromTheRecords() throws {
        let store = HistoryStore(folder: folder)
        let a = try XCTUnwrap(try store.add(image(), settings: settings(seed: 1), preset: preset(), date: date(0)))
        let b = try XCTUnwrap(try store.add(image(), settings: settings(seed: 2), preset: preset(), date: date(1)))
        try Data("garbage".utf8).write(to: folder.appendingPathComponent("index.json"))
        let listed = store.list()
        XCTAssertEqual(listed.records.map(\.id), [b.record.id, a.record.id])
        XCTAssertEqual(listed.notes.count, 1)
        XCTAssertTrue(listed.notes[0].hasSuffix("index.json: unreadable; rebuilt from the entries' records"), listed.notes[0])
        let c = try XCTUnwrap(try store.add(image(), settings: settings(seed: 3), preset: preset(), date: date(2)))
        XCTAssertEqual(store.list().records.map(\.id), [c.record.id, b.record.id, a.record.id])
        XCTAssertEqual(store.list().notes, [])
    }

    func testForeignFilesAreNeverDeletedEvenWhenTheyLookLikeEntries() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // A user's files: one with an entry-like name but no record of Easel's format, one JSON
        // with an entry-like name that is not a record, and an unrelated file.
        let lookalike = "20200101-000000-000"
        try Data("mine".utf8).write(to: folder.appendingPathComponent(lookalike + ".png"))
        try Data("{\"format\": \"something-else\"}".utf8).write(to: folder.appendingPathComponent(lookalike + ".json"))
        try Data("notes".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        // An index edited to name the user's file and a path outside the folder.
        try Data("{\"format\":\"easel-history-index-1\",\"entries\":[{\"id\":\"../notes\",\"bytes\":1}]}".utf8)
            .write(to: folder.appendingPathComponent("index.json"))
        let store = HistoryStore(folder: folder, settings: HistorySettings(maxMegabytes: 100, maxEntries: 1))
        for i in 0..<3 { try store.add(image(), settings: settings(seed: UInt64(i)), preset: preset(), date: date(Double(i))) }
        XCTAssertEqual(store.list().records.count, 1)
        for name in [lookalike + ".png", lookalike + ".json", "notes.txt"] { XCTAssertTrue(names().contains(name), name) }
        XCTAssertThrowsError(try store.remove(lookalike))
        XCTAssertThrowsError(try store.remove("../notes"))
        XCTAssertTrue(names().contains(lookalike + ".png"))
    }

    func testRemoveDeletesTheEntrysThreeFilesOnly() throws {
        let store = HistoryStore(folder: folder)
        let a = try XCTUnwrap(try store.add(image(), settings: settings(seed: 1), preset: preset(), date: date(0)))
        let b = try XCTUnwrap(try store.add(image(), settings: settings(seed: 2), preset: preset(), date: date(1)))
        try store.remove(a.record.id)
        let id = b.record.id
        XCTAssertEqual(names(), [id + ".png", id + ".thumb.png", id + ".json", "index.json"])
        XCTAssertThrowsError(try store.remove(a.record.id))
    }

    func testAFolderWhereAnEntryFileWouldGoIsRefusedNotReplaced() throws {
        let store = HistoryStore(folder: folder)
        // The id the next add picks is taken by a folder: the id moves on, the folder stays.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("20270115-080000-000.png"), withIntermediateDirectories: true)
        let added = try XCTUnwrap(try store.add(image(), settings: settings(seed: 1), preset: preset(), date: date(0)))
        XCTAssertEqual(added.record.id, "20270115-080000-000-1")
        XCTAssertEqual(FileKind(atPath: folder.appendingPathComponent("20270115-080000-000.png").path), .directory)
    }

    func testEntryIDs() {
        XCTAssertTrue(HistoryIndex.isEntryID("20270115-080000-000"))
        XCTAssertTrue(HistoryIndex.isEntryID("20270115-080000-000-12"))
        for bad in ["", "../x", "20270115-080000", "2027011a-080000-000", "20270115-080000-000-", "20270115-080000-000-1-2", "notes"] {
            XCTAssertFalse(HistoryIndex.isEntryID(bad), bad)
        }
    }

    func testSettingsFileHistoryKeys() throws {
        XCTAssertEqual(try HistorySettings.parse(nil), HistorySettings())
        XCTAssertEqual(try HistorySettings.parse(["max-mb": 2, "max-entries": 5]), HistorySettings(maxMegabytes: 2, maxEntries: 5))
        XCTAssertThrowsError(try HistorySettings.parse(["max-mb": "lots"])) { error in
            XCTAssertEqual("\(error)", "'history.max-mb': expected a number of megabytes ≥ 0")
        }
        XCTAssertThrowsError(try HistorySettings.parse(["max-entries": 1.5])) { error in
            XCTAssertEqual("\(error)", "'history.max-entries': expected a whole number ≥ 0")
        }
        XCTAssertThrowsError(try HistorySettings.parse([1, 2]))
        let home = folder.deletingLastPathComponent()
        XCTAssertEqual(HistorySettings.folder(environment: ["XDG_DATA_HOME": home.path]).path, home.path + "/easel/history")
        XCTAssertEqual(HistorySettings.folder(environment: ["HOME": "/home/u"]).path, "/home/u/.local/share/easel/history")
    }
}
