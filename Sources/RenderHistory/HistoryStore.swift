import Foundation
import Imaging
import PromptKit
import RenderSettings
import SafeFiles

/// The render history: every finished render kept in one folder (`HistorySettings.folder`) as
/// `<id>.png` (A1111 `parameters` plus Easel's `easel-grid` chunk), `<id>.thumb.png` (at most
/// `thumbnailSize` pixels a side) and `<id>.json` (`HistoryRecord`), listed in `index.json`
/// (`HistoryIndex`). Every file is written through `SafeFiles.AtomicFile`; only files named by
/// an entry id Easel wrote are deleted, through `SafeFiles.RegularFile.remove`. A broken record
/// or index is a one-line note; the other entries still load.
public struct HistoryStore: Sendable {
    public static let gridKey = "easel-grid"
    public static let thumbnailSize = 96

    public let folder: URL
    public let settings: HistorySettings

    public init(folder: URL, settings: HistorySettings = HistorySettings()) {
        self.folder = folder
        self.settings = settings
    }

    /// The store under `environment`: its folder and the settings file's bounds.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> HistoryStore {
        HistoryStore(folder: HistorySettings.folder(environment: environment), settings: try HistorySettings.load(environment: environment))
    }

    /// What `list()` found: entries newest first, and one note per thing skipped.
    public struct Listing: Sendable {
        public var records: [HistoryRecord]
        public var notes: [String]
    }

    public func imageURL(_ id: String) -> URL { folder.appendingPathComponent(id + ".png") }
    public func thumbnailURL(_ id: String) -> URL { folder.appendingPathComponent(id + ".thumb.png") }
    func recordURL(_ id: String) -> URL { folder.appendingPathComponent(id + ".json") }
    var indexURL: URL { folder.appendingPathComponent("index.json") }

    // MARK: reading

    /// Every readable entry, newest first.
    public func list() -> Listing {
        let (index, notes) = readIndex()
        var listing = Listing(records: [], notes: notes)
        for entry in index.entries.reversed() {
            let read = readRecord(entry.id)
            if let record = read.record { listing.records.append(record) }
            if let note = read.note { listing.notes.append(note) }
        }
        return listing
    }

    /// Entry `number` of `list()` (1 is the newest).
    public func record(number: Int) throws -> HistoryRecord {
        let records = list().records
        guard number >= 1, number <= records.count else {
            throw FileError(path: folder.path, reason: records.isEmpty ? "the history is empty"
                            : "no entry \(number); the history has 1–\(records.count)")
        }
        return records[number - 1]
    }

    /// The index as written, plus records the index lost (a write cut short, another process's
    /// index written over this one's); a broken index is a note and is rebuilt from the records.
    func readIndex() -> (HistoryIndex, [String]) {
        var notes: [String] = []
        var index = HistoryIndex()
        if FileKind(atPath: indexURL.path) != .missing {
            do {
                index = try JSONDecoder().decode(HistoryIndex.self, from: Data(contentsOf: indexURL))
                guard index.format == HistoryIndex.formatName else { throw FileError(path: indexURL.path, reason: "format") }
            } catch {
                notes.append("\(indexURL.path): unreadable; rebuilt from the entries' records")
                index = HistoryIndex()
            }
        }
        index.entries.removeAll { !HistoryIndex.isEntryID($0.id) || FileKind(atPath: recordURL($0.id).path) == .missing }
        let known = Set(index.entries.map(\.id))
        for id in recordIDsOnDisk() where !known.contains(id) {
            let read = readRecord(id)
            if read.record != nil { index.entries.append(HistoryIndex.Entry(id: id, bytes: bytes(of: id))) }
            // Not adopted, so never deleted: it may be a file of the user's with a lookalike name.
            if let note = read.note { notes.append(note) }
        }
        index.entries.sort { $0.id < $1.id }
        return (index, notes)
    }

    /// Ids of the `<id>.json` files in the folder (ids sort by date).
    private func recordIDsOnDisk() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.filter(HistoryIndex.isEntryID).sorted()
    }

    /// The record, or the one-line note that says why it was skipped.
    private func readRecord(_ id: String) -> (record: HistoryRecord?, note: String?) {
        let url = recordURL(id)
        do {
            let record = try JSONFile.read(HistoryRecord.self, from: url)
            guard record.id == id else { return (nil, "\(url.path): its id is '\(record.id)'; skipped") }
            return (record, nil)
        } catch {
            return (nil, "history entry \(id): \(error); skipped")
        }
    }

    private func bytes(of id: String) -> Int {
        [imageURL(id), thumbnailURL(id), recordURL(id)].reduce(0) { total, url in
            total + ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0)
        }
    }

    // MARK: writing

    /// What `add` did: the new record, the entries pruned to stay within the bounds, notes.
    public struct Added: Sendable {
        public var record: HistoryRecord
        public var pruned: [String]
        public var notes: [String]
    }

    /// Keeps one render: image, thumbnail and record, then the index; then prunes the oldest
    /// entries while the history is over a bound. Nil when the settings keep no history.
    @discardableResult
    public func add(_ image: RGBImage, settings: RenderSettings, preset: Preset, raw: RawPrompt? = nil,
                    engine: String? = nil, date: Date = Date()) throws -> Added? {
        guard self.settings.isEnabled else { return nil }
        var (index, notes) = readIndex()
        let id = newID(date, taken: Set(index.entries.map(\.id)))
        var bare = preset
        bare.settings = settings
        bare.settings.prompt = ""
        bare.settings.negativePrompt = ""
        let record = HistoryRecord(id: id, date: date, preset: bare, prompt: settings.prompt,
                                   negative: settings.negativePrompt, rawPrompt: raw?.prompt, rawNegative: raw?.negative,
                                   engine: engine)
        var text = [(key: "parameters", value: Infotext.format(settings))]
        if !preset.grid.isEmpty, let json = try? preset.grid.jsonText() { text.append((key: Self.gridKey, value: json)) }
        if let engine { text.append((key: "engine", value: engine)) }
        try PNGFile.write(image, text: text, to: imageURL(id), folder: .createIfMissing)
        try PNGFile.write(Self.thumbnail(of: image), to: thumbnailURL(id), folder: .createIfMissing)
        try JSONFile.write(record, to: recordURL(id), folder: .createIfMissing)
        index.entries.append(HistoryIndex.Entry(id: id, bytes: bytes(of: id)))
        let pruned = prune(&index, keeping: id, notes: &notes)
        try writeIndex(index)
        return Added(record: record, pruned: pruned, notes: notes)
    }

    /// Deletes one entry's files and drops it from the index.
    public func remove(_ id: String) throws {
        guard HistoryIndex.isEntryID(id) else { throw FileError(path: folder.path, reason: "'\(id)' is not a history entry") }
        var (index, _) = readIndex()
        guard index.entries.contains(where: { $0.id == id }) else {
            throw FileError(path: recordURL(id).path, reason: "no such history entry")
        }
        var problems: [String] = []
        removeFiles(id, problems: &problems)
        index.entries.removeAll { $0.id == id }
        try writeIndex(index)
        if let problem = problems.first { throw FileError(path: folder.path, reason: problem) }
    }

    /// Removes the oldest entries (never `keeping`) while over `settings`' bounds.
    private func prune(_ index: inout HistoryIndex, keeping: String, notes: inout [String]) -> [String] {
        var pruned: [String] = []
        while index.entries.count > settings.maxEntries || index.totalBytes > settings.maxBytes,
              let oldest = index.entries.first, oldest.id != keeping {
            removeFiles(oldest.id, problems: &notes)
            index.entries.removeFirst()
            pruned.append(oldest.id)
        }
        return pruned
    }

    /// The entry's three files; anything at those names that is not a regular file stays, with a note.
    private func removeFiles(_ id: String, problems: inout [String]) {
        for url in [imageURL(id), thumbnailURL(id), recordURL(id)] where FileKind(atPath: url.path) != .missing {
            do { try RegularFile.remove(atPath: url.path) } catch { problems.append("\(error)") }
        }
    }

    private func writeIndex(_ index: HistoryIndex) throws {
        try JSONFile.write(index, to: indexURL, folder: .createIfMissing)
    }

    private func newID(_ date: Date, taken: Set<String>) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss-SSS"
        let base = formatter.string(from: date)
        var id = base
        var n = 1
        while taken.contains(id) || FileKind(atPath: recordURL(id).path) != .missing || FileKind(atPath: imageURL(id).path) != .missing {
            id = "\(base)-\(n)"
            n += 1
        }
        return id
    }

    /// `image` scaled down (never up) to fit `thumbnailSize`×`thumbnailSize`, keeping its shape.
    static func thumbnail(of image: RGBImage) -> RGBImage {
        let scale = min(1, Double(thumbnailSize) / Double(max(image.width, image.height, 1)))
        return image.resampled(width: max(1, Int((Double(image.width) * scale).rounded())),
                               height: max(1, Int((Double(image.height) * scale).rounded())))
    }
}
