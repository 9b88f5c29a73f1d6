import PromptKit
import RenderSettings
import XCTest
@testable import TUICore

/// A preset picks the theme (issue 5, "Presets and themes"): loading one switches to its theme,
/// saving one records the theme on screen, and a `--theme` given at start wins.
final class PresetThemeTests: XCTestCase {
    func entries() -> [PresetEntry] {
        var grid = PromptGrid()
        grid.what.value = "photo"
        return [
            PresetEntry(name: "bright", isBuiltIn: false, document: Document(grid: grid), theme: "light"),
            PresetEntry(name: "plain", isBuiltIn: false, document: Document(grid: grid)),
        ]
    }

    func harness(theme: String? = "dark") -> ReducerHarness {
        var h = ReducerHarness()
        h.state.theme = theme
        h.send(.presetsLoaded(entries(), errors: []))
        return h
    }

    func testLoadingAPresetWithAThemeAppliesIt() {
        var h = harness()
        h.press(.ctrl("p"), .enter)
        XCTAssertTrue(h.lastReaction.effects.contains(.applyTheme("light")), "\(h.lastReaction.effects)")
        XCTAssertEqual(h.state.theme, "dark", "the theme changes once the screen reports it")
        h.send(.themeApplied("light"))
        XCTAssertEqual(h.state.theme, "light")
        XCTAssertEqual(h.lastReaction.redraw, .all)
    }

    func testAPresetWithoutAThemeOrWithTheCurrentOneKeepsIt() {
        var h = harness()
        h.press(.ctrl("p"), .down, .enter)
        XCTAssertEqual(h.state.status, .success("Loaded preset “plain”"))
        XCTAssertFalse(h.effects.contains { if case .applyTheme = $0 { return true } else { return false } })
        h = harness(theme: "light")
        h.press(.ctrl("p"), .enter)
        XCTAssertEqual(h.state.status, .success("Loaded preset “bright”"))
        XCTAssertFalse(h.effects.contains(.applyTheme("light")))
    }

    func testUndoKeepsTheTheme() {
        var h = harness()
        h.press(.ctrl("p"), .enter)
        h.send(.themeApplied("light"))
        h.press(.ctrl("z"))
        XCTAssertEqual(h.grid, PromptGrid())
        XCTAssertEqual(h.state.theme, "light")
        XCTAssertTrue(h.lastReaction.effects.allSatisfy { if case .applyTheme = $0 { return false } else { return true } })
    }

    func testSavingRecordsTheCurrentTheme() {
        var h = harness(theme: "monochrome")
        h.press(.ctrl("p"), .char("a"))
        h.typeKeys("night")
        h.press(.enter)
        XCTAssertEqual(h.lastReaction.effects,
                       [.savePreset(name: "night", document: h.state.document, theme: "monochrome", overwrite: false)])
        h.press(.char("s"), .char("y"))                       // overwrite "bright" after the question
        XCTAssertEqual(h.lastReaction.effects,
                       [.savePreset(name: "bright", document: h.state.document, theme: "monochrome", overwrite: true)])
    }

    func testOpenPresetAtStartAndTheCommandLineThemeWins() {
        var h = harness()
        h.send(.openPreset(name: "bright", keepTheme: false))
        XCTAssertEqual(h.grid.what.value, "photo")
        XCTAssertTrue(h.lastReaction.effects.contains(.applyTheme("light")))
        h = harness()
        h.send(.openPreset(name: "bright", keepTheme: true))
        XCTAssertEqual(h.grid.what.value, "photo")
        XCTAssertFalse(h.lastReaction.effects.contains(.applyTheme("light")))
        XCTAssertEqual(h.state.theme, "dark")
    }

    func testOpenPresetWithAnUnknownNameIsAnErrorInTheStatusLine() {
        var h = harness()
        h.send(.openPreset(name: "nope", keepTheme: false))
        XCTAssertEqual(h.state.status?.kind, .error)
        XCTAssertTrue(h.state.status!.text.contains("nope"))
        XCTAssertEqual(h.grid, PromptGrid())
    }
}
