import Foundation
import PromptKit
import RenderSettings
import XCTest
@testable import TUICore

final class PresetBrowserTests: XCTestCase {
    func entries() -> [PresetEntry] {
        var church = PromptGrid()
        church.what = PromptGrid.Row("photo", "in motion")
        church.mood = PromptGrid.Row("depressive", "dreamcore")
        var anime = PromptGrid(family: .sdxl)
        anime.location.value = "waterfall"
        return [
            PresetEntry(name: "dreamcore-church", isBuiltIn: true,
                        document: Document(grid: church, settings: RenderSettings(steps: 60, cfgScale: 6))),
            PresetEntry(name: "mine", isBuiltIn: false,
                        document: Document(grid: anime, settings: RenderSettings(steps: 30), modelPath: "/m/xl.safetensors")),
        ]
    }

    func browser() -> ReducerHarness {
        var h = ReducerHarness()
        h.state.document.modelPath = "/m/tiny.safetensors"
        XCTAssertEqual(h.press(.ctrl("p")).effects, [.reloadPresets])
        h.send(.presetsLoaded(entries(), errors: []))
        XCTAssertEqual(h.state.keyContexts, [.presets, .global])
        return h
    }

    func testLoadAPresetKeepsTheModelWhenItNamesNone() {
        var h = browser()
        h.press(.enter)
        XCTAssertTrue(h.state.overlays.isEmpty)
        XCTAssertEqual(h.grid.mood.qualifier, "dreamcore")
        XCTAssertEqual(h.settings.cfgScale, 6)
        XCTAssertEqual(h.state.document.modelPath, "/m/tiny.safetensors")
        XCTAssertEqual(h.state.status, .success("Loaded preset “dreamcore-church”"))
        XCTAssertEqual(h.state.analysis.rendered, h.grid.render())
        h.press(.ctrl("z"))                                    // loading is one undo step
        XCTAssertEqual(h.grid, PromptGrid())
    }

    func testLoadAPresetWithAModelLoadsIt() {
        var h = browser()
        h.press(.down, .enter)
        XCTAssertEqual(h.state.document.family, .sdxl)
        XCTAssertEqual(h.state.document.modelPath, "/m/xl.safetensors")
        XCTAssertTrue(h.effects.contains(.loadModel(path: "/m/xl.safetensors")))
    }

    func testBuiltInsAreReadOnly() {
        var h = browser()
        for key in [Key.char("s"), .char("r"), .char("d")] {
            h.press(key)
            XCTAssertEqual(h.state.status?.kind, .error)
            XCTAssertTrue(h.state.status!.text.contains("read-only"))
            XCTAssertEqual(h.state.overlays.count, 1)
        }
    }

    func testSaveAsNewNameWritesWithoutOverwrite() {
        var h = browser()
        h.press(.char("a"))
        h.typeKeys("night-walk")
        h.press(.enter)
        XCTAssertEqual(h.lastReaction.effects,
                       [.savePreset(name: "night-walk", document: h.state.document, theme: nil, overwrite: false)])
        guard case .presets? = h.state.topOverlay else { return XCTFail("back in the browser") }
        h.send(.presetSaved(name: "night-walk"))
        XCTAssertEqual(h.lastReaction.effects, [.reloadPresets])
        XCTAssertEqual(h.state.status, .success("Saved preset “night-walk”"))
    }

    func testSaveAsAnExistingNameAsksFirst() {
        var h = browser()
        h.press(.char("a"))
        h.typeKeys("mine")
        h.press(.enter)
        guard case .confirm(let question) = h.state.topOverlay else { return XCTFail("no question") }
        XCTAssertEqual(question.purpose, .overwritePreset(name: "mine"))
        h.press(.char("n"))
        guard case .textEntry? = h.state.topOverlay else { return XCTFail("back to the name") }
        h.press(.enter, .char("y"))
        XCTAssertEqual(h.lastReaction.effects, [.savePreset(name: "mine", document: h.state.document, theme: nil, overwrite: true)])
        guard case .presets? = h.state.topOverlay else { return XCTFail("back in the browser") }
        // A built-in's name cannot be taken.
        h.press(.char("a"))
        h.typeKeys("dreamcore-church")
        h.press(.enter)
        XCTAssertTrue(h.state.status!.text.contains("read-only"))
    }

    func testSaveOverTheSelectedUserPresetAsks() {
        var h = browser()
        h.press(.down, .char("s"))
        guard case .confirm(let question) = h.state.topOverlay else { return XCTFail("no question") }
        XCTAssertEqual(question.purpose, .overwritePreset(name: "mine"))
        h.press(.char("y"))
        XCTAssertEqual(h.lastReaction.effects, [.savePreset(name: "mine", document: h.state.document, theme: nil, overwrite: true)])
    }

    func testRenameChecksTheName() {
        var h = browser()
        h.press(.down, .char("r"))
        h.press(.ctrl("u"))
        h.typeKeys("a/b")
        h.press(.enter)
        XCTAssertEqual(h.state.status, .error("bad preset name 'a/b': it must not be blank, hold '/' or control characters, or be over 100 characters"))
        h.press(.ctrl("u"))
        h.typeKeys("dreamcore-church")
        h.press(.enter)
        XCTAssertEqual(h.state.status, .error("A preset “dreamcore-church” already exists"))
        h.press(.ctrl("u"))
        h.typeKeys("evening")
        h.press(.enter)
        XCTAssertEqual(h.lastReaction.effects, [.renamePreset(from: "mine", to: "evening")])
        h.send(.presetRenamed(from: "mine", to: "evening"))
        XCTAssertEqual(h.state.status, .success("Renamed “mine” to “evening”"))
    }

    func testDeleteAsksFirst() {
        var h = browser()
        h.press(.down, .char("d"))
        XCTAssertEqual(h.lastReaction.effects, [])
        h.press(.escape)
        XCTAssertEqual(h.lastReaction.effects, [])
        h.press(.delete, .enter)                                // Enter also means yes
        XCTAssertEqual(h.lastReaction.effects, [.deletePreset(name: "mine")])
        h.send(.presetDeleted(name: "mine"))
        XCTAssertEqual(h.lastReaction.effects, [.reloadPresets])
    }

    func testImportStylesAndBrokenPresetFiles() {
        var h = browser()
        h.press(.char("i"))
        h.typeKeys("~/styles.csv")
        h.press(.enter)
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        XCTAssertEqual(h.lastReaction.effects, [.importStyles(path: home + "/styles.csv")])
        h.send(.stylesImported(count: 3, from: "styles.csv"))
        XCTAssertEqual(h.state.status, .success("Imported 3 styles from styles.csv"))
        h.send(.presetsLoaded(entries(), errors: ["broken.json:3: expected a string", "x.json:1: bad"]))
        XCTAssertEqual(h.state.status, .error("broken.json:3: expected a string (and 1 more)"))
        XCTAssertEqual(h.state.presets.count, 2)               // the good ones still load
    }

    func testSelectionStaysInRangeWhenTheListShrinks() {
        var h = browser()
        h.press(.end)
        XCTAssertEqual(h.state.topOverlay, .presets(PresetBrowser(selected: 1)))
        h.press(.home)
        XCTAssertEqual(h.state.topOverlay, .presets(PresetBrowser(selected: 0)))
        h.press(.down, .down, .down)
        h.send(.presetsLoaded(Array(entries().prefix(1)), errors: []))
        guard case .presets(let browser) = h.state.topOverlay else { return XCTFail() }
        XCTAssertEqual(browser.selected, 0)
        h.press(.escape)
        XCTAssertTrue(h.state.overlays.isEmpty)
    }
}

/// Issue 16, problem 3: an imported style applies to the user's work instead of replacing it.
final class StyleToggleTests: XCTestCase {
    func styleEntry(_ name: String, _ prompt: String) -> PresetEntry {
        PresetEntry(name: name, isBuiltIn: false,
                    document: Document(preset: Preset(name: name, grid: PromptGrid(), style: PromptStyle(name: name, prompt: prompt))))
    }

    func testStylesStackOverTheGridAndSettingsAndToggleOff() {
        var h = ReducerHarness()
        h.typeKeys("red heart")
        h.press(.escape)
        h.state.document.settings.steps = 33
        h.send(.presetsLoaded([styleEntry("Cinematic {p}", "cinematic still of {prompt}"), styleEntry("Noir, classic", "noir")],
                              errors: []))
        h.press(.ctrl("p"), .enter)
        h.press(.ctrl("p"), .down, .enter)
        XCTAssertEqual(h.grid.what.value, "red heart")
        XCTAssertEqual(h.settings.steps, 33)
        XCTAssertEqual(h.state.analysis.rendered.prompt, "cinematic still of (best quality:1.4), red heart, noir")
        XCTAssertEqual(h.state.document.styles.map(\.name), ["Cinematic {p}", "Noir, classic"])
        h.press(.ctrl("p"), .enter)                            // again: off
        XCTAssertEqual(h.state.analysis.rendered.prompt, "(best quality:1.4), red heart, noir")
        h.press(.ctrl("z"))
        XCTAssertEqual(h.state.document.styles.count, 2)
    }
}
