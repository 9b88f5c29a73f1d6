import Foundation
import Imaging
import PromptKit
import RenderHistory
import TUICore

/// Carries out the render history's effects with RenderHistory's `HistoryStore`, on a serial
/// queue of its own: encoding a PNG and three fsyncs take longer than a frame, and the keys
/// must not wait for them. Each outcome goes to `report` (any thread) as an action plus the
/// thumbnails read so far, by entry id.
final class HistoryEffects: @unchecked Sendable {
    typealias Report = @Sendable (Action, [String: RGBImage]) -> Void
    private let store: HistoryStore?
    private let outputFolder: URL
    private let queue = DispatchQueue(label: "easel.history", qos: .utility)
    private let report: Report
    /// Touched on `queue` only.
    private var thumbnails: [String: RGBImage] = [:]
    /// Why there is no store (a bad `history` key in the settings file), said once.
    let problem: String?

    init(environment: [String: String], outputFolder: URL, report: @escaping Report) {
        do {
            store = try HistoryStore.standard(environment: environment)
            problem = nil
        } catch {
            store = nil
            problem = "history off: \(error)"
        }
        self.outputFolder = outputFolder
        self.report = report
    }

    /// Keeps `image` with `document` (its grid and settings as rendered), then reports the list.
    func record(_ image: RGBImage, document: Document, engine: String?) {
        guard let store else { return }
        let preset = document.preset(named: "")
        queue.async { [self] in
            var notes: [String] = []
            do {
                let added = try store.add(image, settings: document.settings, preset: preset, raw: document.raw, engine: engine)
                notes += added?.notes ?? []
            } catch {
                notes.append("history: \(error)")
            }
            list(notes: notes)
        }
    }

    func reload() {
        guard store != nil else { return }
        queue.async { [self] in list(notes: []) }
    }

    func delete(_ id: String) {
        guard let store else { return }
        queue.async { [self] in
            do {
                try store.remove(id)
                thumbnails[id] = nil
                report(.historyDeleted(id: id), thumbnails)
            } catch {
                report(.operationFailed("\(error)"), thumbnails)
            }
        }
    }

    /// The entry's PNG saved to the output folder under the usual name (`ImageSaver`).
    func saveImage(_ id: String) {
        guard let store else { return }
        queue.async { [self] in
            do {
                let png = try PNGFile.read(from: store.imageURL(id))
                guard let record = store.list().records.first(where: { $0.id == id }) else {
                    throw CocoaError(.fileNoSuchFile)
                }
                let grid = record.preset.grid.isEmpty ? nil : record.preset.grid
                let url = try ImageSaver(outputFolder: outputFolder).save(png.image, settings: record.settings, grid: grid)
                report(.imageSaved(path: url.path), thumbnails)
            } catch {
                report(.operationFailed("history: \(error)"), thumbnails)
            }
        }
    }

    /// On `queue`: the entries as items, their thumbnails read once each.
    private func list(notes: [String]) {
        guard let store else { return }
        let listing = store.list()
        var kept: [String: RGBImage] = [:]
        for record in listing.records {
            kept[record.id] = thumbnails[record.id] ?? (try? PNGFile.read(from: store.thumbnailURL(record.id)).image)
        }
        thumbnails = kept
        report(.historyLoaded(listing.records.map(Self.item), notes: notes + listing.notes), kept)
    }

    static func item(_ record: HistoryRecord) -> HistoryItem {
        var document = Document(preset: record.preset)
        if let raw = record.rawPrompt {
            document.raw = RawPrompt(prompt: raw, negative: record.rawNegative ?? "", source: "history")
        }
        return HistoryItem(id: record.id, date: Self.dateText(record.date), document: document,
                           prompt: record.prompt, engine: record.engine)
    }

    /// Local time, "2026-12-04 01:20".
    static func dateText(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
