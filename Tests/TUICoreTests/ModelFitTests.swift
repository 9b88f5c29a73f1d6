import EngineAPI
import PromptKit
import RenderSettings
import XCTest
@testable import TUICore

/// Issue 16, problems 2 and 5: a preset or family the model cannot serve offers to fit it, and a
/// family switch offers the family's settings, each as one undo step with the switch.
final class ModelFitTests: XCTestCase {
    static let demo = "/m/easel-demo.safetensors"
    static let advice = ModelAdvice(steps: 15...30, cfg: 5...9, maxSide: 64,
                                    vocabulary: ModelVocabulary(groups: [.init("subjects", ["heart"]), .init("settings", ["sky"])]))

    func demoHarness() -> ReducerHarness {
        var h = ReducerHarness(document: Document(settings: RenderSettings(steps: 20, seed: 42, width: 64, height: 64),
                                                  modelPath: Self.demo))
        h.state.modelAdvice = [Self.demo: Self.advice]
        return h
    }

    func testTheFlagshipPresetOffersTheModelsSizeAndSteps() throws {
        var h = demoHarness()
        let preset = BuiltinPresets.dreamcoreChurch
        h.send(.presetsLoaded([PresetEntry(name: preset.name, isBuiltIn: true, document: Document(preset: preset))], errors: []))
        h.send(.openPreset(name: preset.name, keepTheme: true))
        guard case .confirm(let question) = h.state.topOverlay else { return XCTFail("no question") }
        XCTAssertEqual(question.purpose, .fitToModel(width: 64, height: 64, steps: 30))
        XCTAssertTrue(question.question.contains("512×768 at 60 steps"), question.question)
        h.press(.char("y"))
        XCTAssertEqual([h.settings.width, h.settings.height, h.settings.steps], [64, 64, 30])
        XCTAssertEqual(h.grid.mood.qualifier, "dreamcore")
        h.press(.ctrl("z"))                                    // one step: the preset and the fit
        XCTAssertEqual(h.grid, PromptGrid())
        XCTAssertEqual(h.settings.steps, 20)
    }

    func testFamilySwitchOffersItsSettingsFittedToTheModel() {
        var h = ReducerHarness()
        h.press(.f(4), .char("n"), .f(4), .char("y"))          // sdxl keeping the settings, pony taking them
        XCTAssertEqual(h.state.document.family, .pony)
        XCTAssertEqual([h.settings.steps, h.settings.width, h.settings.clipSkip], [40, 1024, 2])
        h.press(.f(4))                                         // … flux
        guard case .confirm(let question) = h.state.topOverlay else { return XCTFail("no question") }
        XCTAssertEqual(question.question, "Use FLUX.1's settings? CFG 7 → 3.5, steps 40 → 30, clip skip 2 → 1")
        h.press(.char("y"))
        XCTAssertEqual(h.settings.cfgScale, 3.5)
        XCTAssertEqual(ParameterFormat.recommendedLabel(.cfg, family: h.state.document.family), "rec 1.5–5.5")
        XCTAssertTrue(h.state.analysis.warnings.allSatisfy { !$0.contains("CFG") })
        h.press(.ctrl("z"))
        XCTAssertEqual(h.state.document.family, .pony)         // the switch and its settings together
        XCTAssertEqual(h.settings.cfgScale, 7)
    }

    func testTheDemoModelNamesTheWordsItIgnores() {
        var h = demoHarness()
        h.send(.modelLoaded(name: "easel-demo"))
        h.typeKeys("red heart")
        // Only the user's own words count: SD 1.5's "(best quality:1.4)" is the dialect's, and
        // blaming the user for it would be a trap.
        XCTAssertEqual(h.state.analysis.modelNotes,
                       ["easel-demo knows only its own words (F1 lists them); no effect: red"])
        let help = HelpLines.lines(keymap: .standard, state: h.state)
        XCTAssertEqual(help.first, .heading("What easel-demo knows"))
        XCTAssertEqual(help[1], .binding(keys: "subjects", description: "heart"))
    }

    /// At 80 columns the demo model's word lists are wider than the help's description column
    /// (80 − 2 − 2 = 76 inside, 25 for keys, 48 for the text): they continue under themselves
    /// instead of being cut at the window's edge.
    func testLongHelpDescriptionsWrapAt80Columns() {
        var h = ReducerHarness()
        h.state.columns = 80
        let words = (1...30).map { "word\($0)" }
        h.state.document.modelPath = Self.demo
        h.state.modelAdvice = [Self.demo: ModelAdvice(steps: 15...30, cfg: 5...9, maxSide: 64,
                                                      vocabulary: ModelVocabulary(groups: [.init("subjects", words)]))]
        let width = HelpLines.columns(screenWidth: 80).description
        XCTAssertEqual(width, 48)
        let lines = HelpLines.lines(keymap: .standard, state: h.state)
        let rows = lines.compactMap { line -> (String, String)? in
            if case .binding(let keys, let text) = line { return (keys, text) } else { return nil }
        }.prefix { $0.0 == "subjects" || $0.0.isEmpty }
        XCTAssertGreaterThan(rows.count, 1)
        XCTAssertTrue(rows.allSatisfy { $0.1.count <= width })
        XCTAssertEqual(rows.map(\.1).joined(separator: " "), words.joined(separator: ", "))
    }
}
