import PromptKit
import RenderSettings
import XCTest
@testable import TUICore

/// Application-wide commands: quit, help, focus, copy, save, open, resize, dialect.
final class WorkbenchCommandTests: XCTestCase {
    func testQuitFromEveryContext() {
        var h = ReducerHarness()
        XCTAssertEqual(h.press(.ctrl("q")).effects, [.quit])
        XCTAssertTrue(h.state.quitRequested)
        h = ReducerHarness()
        h.press(.f(5))
        _ = h.fireDebounce()
        XCTAssertEqual(h.press(.ctrl("c")).effects, [.cancelRender, .quit])
        h = ReducerHarness()
        h.press(.ctrl("p"), .ctrl("q"))
        XCTAssertTrue(h.state.quitRequested)
    }

    func testHelpOpensScrollsAndCloses() {
        var h = ReducerHarness()
        h.press(.f(1))
        XCTAssertEqual(h.state.topOverlay, .help(scroll: 0))
        h.press(.down, .down, .up)
        XCTAssertEqual(h.state.topOverlay, .help(scroll: 1))
        h.press(.up, .up)
        XCTAssertEqual(h.state.topOverlay, .help(scroll: 0))
        for _ in 0..<100 { h.press(.pageDown) }
        guard case .help(let scroll) = h.state.topOverlay else { return XCTFail() }
        let lines = HelpLines.lines(keymap: .standard, state: h.state).count
        XCTAssertEqual(scroll, lines - HelpLines.visibleRows(screenRows: 40))
        h.press(.f(1))
        XCTAssertTrue(h.state.overlays.isEmpty)
        h.press(.enter)                                        // F1 also works while editing
        h.press(.f(1))
        XCTAssertEqual(h.state.keyContexts, [.help, .global])
        h.press(.escape)
        XCTAssertEqual(h.state.keyContexts, [.editing, .main, .global])
    }

    func testTabCyclesPanesForTheLayout() {
        var h = ReducerHarness()
        h.press(.tab)
        XCTAssertEqual(h.state.focus, .parameters)
        h.press(.tab)
        XCTAssertEqual(h.state.focus, .prompt)                 // the prompt view scrolls when focused
        h.press(.tab)
        XCTAssertEqual(h.state.focus, .grid)
        h.send(.resize(columns: 50, rows: 14))                 // compact: the preview is a pane too
        h.press(.backTab)
        XCTAssertEqual(h.state.focus, .preview)
        XCTAssertEqual(h.state.keyContexts, [.main, .global])
        h.send(.resize(columns: 120, rows: 40))
        XCTAssertEqual(h.state.focus, .grid)
        XCTAssertEqual(h.lastReaction.redraw, .all)
    }

    func testCopyPromptGivesPromptAndNegativeLine() {
        var h = ReducerHarness()
        h.state.document.grid.what.value = "photo"
        h.state.document.grid.negative = "blurry"
        h.reducer.prepare(&h.state)
        let rendered = h.grid.render()
        XCTAssertEqual(h.press(.f(6)).effects,
                       [.copyToClipboard(rendered.prompt + "\nNegative prompt: " + rendered.negative!)])
        h.send(.clipboardCopied(characters: 12))
        XCTAssertEqual(h.state.status, .success("Copied the prompt (12 characters) with OSC 52"))
    }

    func testSaveImageNeedsAFinishedRender() throws {
        var h = ReducerHarness()
        h.press(.ctrl("s"))
        XCTAssertEqual(h.state.status, .warning("No finished image to save yet"))
        h.press(.f(5))
        let started = try XCTUnwrap(h.fireDebounce())
        h.press(.ctrl("s"))
        XCTAssertEqual(h.lastReaction.effects, [])
        h.send(.renderFinished(job: started.job, elapsed: 3))
        XCTAssertEqual(h.press(.ctrl("s")).effects, [.saveImage(settings: started.settings, grid: h.grid)])
        h.send(.imageSaved(path: "outputs/2024-01-01/00000-42.png"))
        XCTAssertEqual(h.state.status, .success("Saved outputs/2024-01-01/00000-42.png"))
    }

    func testOpenAnA1111PNG() throws {
        var h = ReducerHarness()
        h.press(.ctrl("o"))
        h.typeKeys("/tmp/a.png")
        XCTAssertEqual(h.press(.enter).effects, [.openImage(path: "/tmp/a.png")])
        let settings = try RenderSettings(infotext: """
            a castle, (sunset:1.2)
            Negative prompt: blurry
            Steps: 28, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 5.5, Seed: 1234, Size: 640x448
            """)
        h.state.document.seedLocked = false
        h.send(.imageOpened(path: "/tmp/a.png", settings: settings))
        // Issue 16: the prompt loads as written, in raw-prompt mode, not into the extra tags
        // where the SD 1.5 dialect wrapped it again.
        XCTAssertEqual(h.state.document.raw, RawPrompt(prompt: "a castle, (sunset:1.2)", negative: "blurry", source: "a.png",
                                                   notApplied: ["GPU RNG (CPU noise here, so the image differs)"]))
        XCTAssertEqual(h.state.analysis.rendered, RenderedPrompt(prompt: "a castle, (sunset:1.2)", negative: "blurry"))
        XCTAssertEqual(h.grid.extraTags, [])
        XCTAssertEqual(h.settings.steps, 28)
        XCTAssertEqual(h.settings.sampler, .dpmpp2m)
        XCTAssertEqual(h.settings.schedule, .karras)
        XCTAssertEqual(h.settings.cfgScale, 5.5)
        XCTAssertEqual(h.settings.seed, 1234)
        XCTAssertEqual(h.settings.width, 640)
        XCTAssertTrue(h.state.document.seedLocked)           // to reproduce the image
        // No RNG key in A1111's infotext means GPU noise.
        XCTAssertEqual(h.state.status, .warning("Loaded a.png as a raw prompt with its parameters; not applied: GPU RNG (CPU noise here, so the image differs)"))
        h.send(.operationFailed("/tmp/b.png: no such file"))
        XCTAssertEqual(h.state.status, .error("/tmp/b.png: no such file"))
    }

    /// A PNG Easel saved (sd15: the dialect's quality tag and default negative included) loads
    /// back into a grid that renders exactly the same prompt and negative.
    func testReopeningASavedImageReproducesItsPrompt() throws {
        var h = ReducerHarness()
        h.state.document.grid.what = PromptGrid.Row("a red fox", "in snow")
        h.reducer.prepare(&h.state)
        let saved = h.state.document.renderSettings(using: h.state.analysis.rendered)
        let infotext = Infotext.format(saved)
        var fresh = ReducerHarness()
        fresh.send(.imageOpened(path: "/tmp/fox.png", settings: try Infotext.parse(infotext)))
        XCTAssertEqual(fresh.state.analysis.rendered.prompt, saved.prompt)
        XCTAssertEqual(fresh.state.analysis.rendered.negative ?? "", saved.negativePrompt)
        XCTAssertEqual(fresh.state.document.raw?.prompt, saved.prompt)
        // F4 turns the raw prompt into grid text without doubling the dialect's own parts.
        _ = fresh.reducer.switchFamily(&fresh.state, to: .sd15)
        XCTAssertNil(fresh.state.document.raw)
        XCTAssertEqual(fresh.grid.extraTags, ["a red fox", "in snow"])
        XCTAssertEqual(fresh.grid.negative, "")
        XCTAssertEqual(fresh.state.analysis.rendered.prompt, saved.prompt)
        XCTAssertEqual(WorkbenchReducer.removing("q", from: "a, q"), "a")
        XCTAssertEqual(WorkbenchReducer.removing("q", from: "qa, b"), "qa, b")
    }

    /// A PNG Easel saved carries its grid: reopened, the rows come back as they were; with a
    /// prompt edited elsewhere (no longer what the grid renders) the grid is not trusted and the
    /// prompt loads as a raw prompt as for any A1111 PNG.
    func testReopeningASavedImageRestoresItsGridRows() throws {
        var h = ReducerHarness()
        h.state.document.grid.what = PromptGrid.Row("a red fox", "in snow")
        h.state.document.grid.light = PromptGrid.Row("twilight", "blue")
        h.reducer.prepare(&h.state)
        let saved = h.state.document.renderSettings(using: h.state.analysis.rendered)
        let grid = try PromptGrid.fromJSON(try h.grid.jsonText(), source: "fox.png")
        var fresh = ReducerHarness()
        fresh.send(.imageOpened(path: "/tmp/fox.png", settings: try Infotext.parse(Infotext.format(saved)), grid: grid))
        XCTAssertEqual(fresh.grid.what, PromptGrid.Row("a red fox", "in snow"))
        XCTAssertEqual(fresh.grid.light, PromptGrid.Row("twilight", "blue"))
        XCTAssertEqual(fresh.grid.extraTags, [])
        XCTAssertEqual(fresh.state.analysis.rendered.prompt, saved.prompt)
        XCTAssertEqual(fresh.state.status, .success("Loaded the grid and parameters from fox.png"))

        var edited = saved
        edited.prompt += ", oil painting"
        var other = ReducerHarness()
        other.send(.imageOpened(path: "/tmp/fox.png", settings: edited, grid: grid))
        XCTAssertEqual(other.grid.what, PromptGrid.Row())
        XCTAssertEqual(other.state.analysis.rendered.prompt, edited.prompt)
        XCTAssertEqual(other.state.status, .success("Loaded fox.png as a raw prompt with its parameters"))
    }

    func testNextDialectCyclesFamilies() {
        var h = ReducerHarness()
        for family in ModelFamily.allCases.dropFirst() + [ModelFamily.allCases[0]] {
            h.press(.f(4))
            XCTAssertEqual(h.state.document.family, family)
            if case .confirm = h.state.topOverlay { h.press(.char("n")) }   // keep the settings
        }
    }

    func testUnboundKeysDoNothing() {
        var h = ReducerHarness()
        let before = h.state
        XCTAssertEqual(h.press(.alt("z"), Key(.function(12), .shift), Key(.insert)), .none)   // F12 itself is the comparison
        XCTAssertEqual(h.state, before)
    }
}
