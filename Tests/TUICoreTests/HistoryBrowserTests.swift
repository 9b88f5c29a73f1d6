import Foundation
import PromptKit
import RenderSettings
import XCTest
@testable import TUICore

/// The history browser's reducer: what F11 / Ctrl-T open, what Enter restores, what `s` and `d`
/// ask the TUI to do. Expected documents are the items given, checked field by field.
final class HistoryBrowserTests: XCTestCase {
    func items() -> [HistoryItem] {
        var lighthouse = PromptGrid()
        lighthouse.what = PromptGrid.Row("lighthouse", "at dusk")
        var raw = Document(settings: RenderSettings(prompt: "a castle", steps: 12, cfgScale: 5, seed: 99))
        raw.raw = RawPrompt(prompt: "a castle", source: "history")
        return [
            HistoryItem(id: "20261204-012000-000", date: "2026-12-04 01:20",
                        document: Document(grid: lighthouse, settings: RenderSettings(steps: 8, cfgScale: 4, seed: 7)),
                        prompt: "lighthouse, at dusk"),
            HistoryItem(id: "20261204-011000-000", date: "2026-12-04 01:10", document: raw, prompt: "a castle"),
        ]
    }

    func browser(_ key: Key = .f(11)) -> ReducerHarness {
        var h = ReducerHarness()
        h.state.document.modelPath = "/m/tiny.safetensors"
        XCTAssertEqual(h.press(key).effects, [.reloadHistory])
        h.send(.historyLoaded(items(), notes: []))
        XCTAssertEqual(h.state.keyContexts, [.history, .global])
        return h
    }

    func testF11AndCtrlTOpenAndCloseIt() {
        for key in [Key.f(11), .ctrl("t")] {
            var h = browser(key)
            h.press(key)
            XCTAssertTrue(h.state.overlays.isEmpty)
        }
        var h = browser()
        h.press(.escape)
        XCTAssertTrue(h.state.overlays.isEmpty)
    }

    func testEnterRestoresGridAndSettingsAsOneUndoStepWithTheSeedLocked() {
        var h = browser()
        h.state.document.seedLocked = false
        let before = h.state.document
        h.press(.enter)
        XCTAssertTrue(h.state.overlays.isEmpty)
        XCTAssertEqual(h.grid.what.qualifier, "at dusk")
        XCTAssertEqual(h.settings.seed, 7)
        XCTAssertEqual(h.settings.steps, 8)
        XCTAssertTrue(h.state.document.seedLocked)
        XCTAssertEqual(h.state.document.modelPath, "/m/tiny.safetensors")   // the entry named none
        XCTAssertEqual(h.state.status, .success("Restored the render of 2026-12-04 01:20 (Ctrl-Z undoes)"))
        XCTAssertEqual(h.state.render, .waiting)                           // and renders it again
        h.press(.ctrl("z"))
        XCTAssertEqual(h.state.document, before)
    }

    func testARawPromptEntryRestoresItsRawPrompt() {
        var h = browser()
        h.press(.down, .enter)
        XCTAssertEqual(h.state.document.raw?.prompt, "a castle")
        XCTAssertEqual(h.state.analysis.rendered.prompt, "a castle")
        XCTAssertEqual(h.settings.seed, 99)
    }

    func testSaveAsksForTheEntrysImageAndDeleteAsksFirst() {
        var h = browser()
        h.press(.down)
        XCTAssertEqual(h.press(.char("s")).effects, [.saveHistoryImage(id: "20261204-011000-000")])
        h.press(.char("d"))
        guard case .confirm(let question) = h.state.topOverlay else { return XCTFail("no question") }
        XCTAssertEqual(question.purpose, .deleteHistory(id: "20261204-011000-000"))
        XCTAssertEqual(h.press(.char("y")).effects, [.deleteHistoryEntry(id: "20261204-011000-000")])
        h.send(.historyDeleted(id: "20261204-011000-000"))
        XCTAssertEqual(h.state.historyItems.map(\.id), ["20261204-012000-000"])
        XCTAssertEqual(h.state.topOverlay, .history(HistoryBrowser(selected: 0)))
    }

    func testDeclinedDeleteKeepsTheEntry() {
        var h = browser()
        h.press(.char("d"))
        XCTAssertEqual(h.press(.char("n")).effects, [])
        XCTAssertEqual(h.state.topOverlay, .history(HistoryBrowser(selected: 0)))
    }

    func testSelectionStaysInTheListAndNotesAreOneLine() {
        var h = browser()
        h.press(.end, .down, .down)
        XCTAssertEqual(h.state.topOverlay, .history(HistoryBrowser(selected: 1)))
        h.send(.historyLoaded(Array(items().prefix(1)), notes: ["history entry x: bad; skipped", "another"]))
        XCTAssertEqual(h.state.topOverlay, .history(HistoryBrowser(selected: 0)))
        XCTAssertEqual(h.state.status, .warning("history entry x: bad; skipped (and 1 more)"))
    }

    func testEmptyHistoryIgnoresEnterSaveAndDelete() {
        var h = ReducerHarness()
        h.press(.ctrl("t"))
        for key in [Key.enter, .char("s"), .char("d")] { XCTAssertEqual(h.press(key).effects, []) }
        XCTAssertEqual(h.state.overlays.count, 1)
    }

    func testRenderingARestoredEntryUnchangedDoesNotKeepItTwice() throws {
        var h = browser()
        // The entry as the store gives it back: the settings it rendered with (the model's name
        // recorded, as `startRender` records it), prompt left out.
        var item = items()[0]
        item.document.settings.modelName = "tiny"
        h.send(.historyLoaded([item], notes: []))
        h.press(.enter)
        let job = try XCTUnwrap(h.fireDebounce())
        h.send(.renderFinished(job: job.job, elapsed: 1))
        XCTAssertFalse(h.lastReaction.effects.contains { if case .recordHistory = $0 { return true } else { return false } })
        // A change after that is a new render and is kept.
        h.press(.tab, .down, .down, .down, .down, .right)
        let next = try XCTUnwrap(h.fireDebounce())
        h.send(.renderFinished(job: next.job, elapsed: 1))
        XCTAssertTrue(h.lastReaction.effects.contains { if case .recordHistory = $0 { return true } else { return false } })
    }

    func testABlankDocumentsRenderIsNotKept() throws {
        var h = ReducerHarness()
        h.press(.f(5))
        let job = try XCTUnwrap(h.fireDebounce())
        h.send(.renderFinished(job: job.job, elapsed: 1))
        XCTAssertEqual(h.lastReaction.effects, [])
    }

    func testAFinishedRenderIsRecordedWithTheGridAndSettingsItRenderedWith() throws {
        var h = ReducerHarness()
        h.typeKeys("a lighthouse")
        h.press(.escape)
        let started = try XCTUnwrap(h.fireDebounce())
        h.send(.renderFinished(job: started.job, elapsed: 1))
        guard case .recordHistory(let job, let document)? = h.lastReaction.effects.first else { return XCTFail("not recorded") }
        XCTAssertEqual(job, started.job)
        XCTAssertEqual(document.settings, started.settings)
        XCTAssertEqual(document.grid.what.value, "a lighthouse")
    }
}
