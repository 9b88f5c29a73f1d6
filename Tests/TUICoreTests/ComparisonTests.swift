import PromptKit
import RenderSettings
import XCTest
@testable import TUICore

/// The workbench's X/Y plot in the reducer: F12 → X prompt → Y prompt → one job per cell, row
/// by row, each starting when the previous finishes; the last asks for the sheet; an edit stops
/// it. Expected cell settings are the axes' values over the document's (seed 42, CFG 7).
final class WorkbenchComparisonTests: XCTestCase {
    private func started(_ reaction: Reaction) -> (job: Int, settings: RenderSettings)? {
        for effect in reaction.effects { if case .startRender(let job, let settings) = effect { return (job, settings) } }
        return nil
    }

    private func openAndConfirm(_ h: inout ReducerHarness, x: String, y: String) -> Reaction {
        h.press(.f(12))
        guard case .textEntry(let entry)? = h.state.topOverlay, entry.purpose == .comparisonX else { XCTFail("no X prompt"); return .none }
        XCTAssertEqual(entry.field.text, "cfg=4,7,10")   // the offered example, pre-filled
        h.send(.type(x))                                  // replaces it
        h.press(.enter)
        h.send(.type(y))
        return h.press(.enter)
    }

    func testCellsRunInTurnAndTheLastComposesTheSheet() throws {
        var h = ReducerHarness()
        var reaction = openAndConfirm(&h, x: "cfg=4,7", y: "seed=1,2")
        XCTAssertNil(h.state.topOverlay)
        var seen: [(Double, UInt64)] = []
        var jobs: [Int] = []
        for _ in 0..<4 {
            let (job, settings) = try XCTUnwrap(started(reaction))
            seen.append((settings.cfgScale, settings.seed))
            jobs.append(job)
            XCTAssertTrue(h.state.status?.text.hasPrefix("Comparing: cell \(jobs.count) of 4") ?? false)
            reaction = h.send(.renderFinished(job: job, elapsed: 1))
        }
        XCTAssertEqual(seen.map(\.0), [4, 7, 4, 7])
        XCTAssertEqual(seen.map(\.1), [1, 1, 2, 2])
        guard case .composeComparison(let composed, let columns, let rows, let settings)? = reaction.effects.first else {
            return XCTFail("no sheet: \(reaction.effects)")
        }
        XCTAssertEqual(composed, jobs)
        XCTAssertEqual(columns, ["CFG Scale: 4", "CFG Scale: 7"])
        XCTAssertEqual(rows, ["Seed: 1", "Seed: 2"])
        XCTAssertEqual(settings.cfgScale, 7)
        XCTAssertEqual(settings.seed, 42)
        XCTAssertEqual(settings.extraParameters.map(\.key), ["Script", "X Type", "X Values", "Y Type", "Y Values", "Fixed Y Values"])
        XCTAssertNil(h.state.comparison)
        // The axes are offered again next time.
        h.press(.f(12))
        guard case .textEntry(let entry)? = h.state.topOverlay else { return XCTFail() }
        XCTAssertEqual(entry.field.text, "cfg=4,7")
    }

    func testAnEditStopsTheComparison() throws {
        var h = ReducerHarness()
        let reaction = openAndConfirm(&h, x: "steps=1-3", y: "")
        let (job, _) = try XCTUnwrap(started(reaction))
        XCTAssertEqual(h.state.comparison?.cells.map(\.steps), [1, 2, 3])
        h.typeKeys("z")   // typing into the grid
        XCTAssertNil(h.state.comparison)
        XCTAssertTrue(h.effects.contains(.cancelRender))
        XCTAssertTrue(h.send(.renderFinished(job: job, elapsed: 1)).effects.isEmpty)
    }

    func testABadAxisIsAnErrorAndTheePromptStays() {
        var h = ReducerHarness()
        h.press(.f(12))
        h.send(.type("colour=1"))
        h.press(.enter)
        XCTAssertEqual(h.state.status?.kind, .error)
        XCTAssertTrue(h.state.status?.text.hasPrefix("xy: unknown axis 'colour'") ?? false)
        guard case .textEntry(let entry)? = h.state.topOverlay else { return XCTFail() }
        XCTAssertEqual(entry.purpose, .comparisonX)
    }

    func testAGridRowAxisRendersEachCellsGrid() throws {
        var document = Document(settings: RenderSettings(seed: 42))
        document.grid.what = PromptGrid.Row("heart")
        var h = ReducerHarness(document: document)
        _ = openAndConfirm(&h, x: "what=red heart,blue heart", y: "")
        let run = try XCTUnwrap(h.state.comparison)
        var expected = document
        expected.grid.what.value = "blue heart"
        XCTAssertEqual(run.cells[1].prompt, expected.render().prompt)
        XCTAssertEqual(run.grids[1].what.value, "blue heart")
    }
}
