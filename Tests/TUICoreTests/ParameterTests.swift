import EngineAPI
import PromptKit
import RenderSettings
import XCTest
@testable import TUICore

final class ParameterTests: XCTestCase {
    /// The harness with the parameter panel focused and `field` selected.
    func harness(at field: ParameterField) -> ReducerHarness {
        var h = ReducerHarness()
        h.press(.tab)
        XCTAssertEqual(h.state.focus, .parameters)
        h.state.parameter = field
        return h
    }

    func testCFGSliderSmallAndBigSteps() {
        var h = harness(at: .cfg)
        XCTAssertEqual(h.settings.cfgScale, 7)
        h.press(.right)
        XCTAssertEqual(h.settings.cfgScale, 7.5)
        XCTAssertEqual(h.lastReaction.effects, [.scheduleRender(delay: 0.3)])
        h.press(Key(.right, .shift))
        XCTAssertEqual(h.settings.cfgScale, 10)
        h.press(.pageDown, .left)
        XCTAssertEqual(h.settings.cfgScale, 7)
        for _ in 0..<30 { h.press(.left) }
        XCTAssertEqual(h.settings.cfgScale, 1)             // clamped at the slider's minimum
        // One undo step for the whole run of nudges.
        h.press(.ctrl("z"))
        XCTAssertEqual(h.settings.cfgScale, 7)
    }

    func testStepsClipSkipAndSizes() {
        var h = harness(at: .steps)
        let start = h.settings.steps
        h.press(.char("+"), .char("L"))
        XCTAssertEqual(h.settings.steps, start + 11)
        h.state.parameter = .clipSkip
        h.press(.right, .right)
        XCTAssertEqual(h.settings.clipSkip, 3)
        h.state.parameter = .width
        h.press(.right)
        XCTAssertEqual(h.settings.width, 576)
        h.press(Key(.left, .shift))
        XCTAssertEqual(h.settings.width, 320)
        h.state.parameter = .height
        for _ in 0..<20 { h.press(.pageUp) }
        XCTAssertEqual(h.settings.height, 2048)
    }

    func testSeedStepLockAndRandom() {
        var h = harness(at: .seed)
        h.press(.right)
        XCTAssertEqual(h.settings.seed, 43)
        h.press(.left, .left)
        XCTAssertEqual(h.settings.seed, 41)
        h.press(.pageUp)
        XCTAssertEqual(h.settings.seed, 1041)
        h.state.document.settings.seed = 0
        h.press(.left)
        XCTAssertEqual(h.settings.seed, UInt64.max)        // ±1 wraps around
        h.press(.char("r"))
        let first = h.settings.seed
        XCTAssertLessThan(first, 4_294_967_294)
        h.press(.char("r"))
        XCTAssertNotEqual(h.settings.seed, first)
        XCTAssertTrue(h.state.document.seedLocked)
        h.press(.char("f"))
        XCTAssertFalse(h.state.document.seedLocked)
        XCTAssertEqual(h.state.status, .info("New random seed for every render"))
    }

    /// SplitMix64 from state 1: the first output is 0x910A2DEC89025CC1, computed in Python from
    /// the three lines of Vigna's `splitmix64.c` (the same code gives the published first output
    /// 0xE220A8397B1DCDAF for state 0), then reduced modulo 4294967294 like A1111's seeds.
    func testRandomSeedsComeFromSplitMix64() {
        var h = harness(at: .seed)
        h.press(.char("r"))
        XCTAssertEqual(h.settings.seed, 0x910A_2DEC_8902_5CC1 % 4_294_967_294)
    }

    func testChoicesCycleWithArrowsAndPickers() {
        var h = harness(at: .sampler)
        XCTAssertEqual(h.settings.sampler, .eulerA)
        h.press(.right)
        XCTAssertEqual(h.settings.sampler, Sampler.allCases[2])
        h.press(.left, .left, .left)
        XCTAssertEqual(h.settings.sampler, Sampler.allCases.last)   // wraps
        h.press(.enter)
        guard case .picker(let picker) = h.state.topOverlay else { return XCTFail("no picker") }
        XCTAssertEqual(picker.items, Sampler.allCases.map(\.displayName))
        XCTAssertEqual(picker.selected, Sampler.allCases.count - 1)
        h.press(.home)
        XCTAssertEqual(h.state.topOverlay, .picker(ListPicker(title: "Sampler", items: picker.items, selected: 0, purpose: .sampler)))
        h.press(.end, .up, .up, .enter)
        XCTAssertEqual(h.settings.sampler, Sampler.allCases[Sampler.allCases.count - 3])
        XCTAssertTrue(h.state.overlays.isEmpty)
        h.state.parameter = .schedule
        h.press(.enter, .down, .escape)
        XCTAssertEqual(h.settings.schedule, .normal)         // Esc leaves it unchanged
    }

    func testFamilyChangesTheDialectAndRecommendations() {
        var h = harness(at: .family)
        h.state.document.grid.what.value = "photo"
        h.press(.right)
        XCTAssertEqual(h.state.document.family, .sdxl)
        XCTAssertEqual(h.state.analysis.rendered, h.grid.render(in: .sdxl))
        XCTAssertEqual(ParameterFormat.recommended(.steps, family: .sdxl), 30...40)
        // CFG band: the family's recommended CFG ± 2 (the lint rule); FLUX recommends 3.5.
        XCTAssertEqual(ParameterFormat.recommended(.cfg, family: .flux), 1.5...5.5)
        XCTAssertEqual(ParameterFormat.recommendedLabel(.width, family: .sd15), "≤ 768")
        XCTAssertNil(ParameterFormat.recommended(.cfg, family: .midjourney))
    }

    /// A model with advice of its own (the demo model) shows it instead of its family's, for
    /// that model's path only.
    func testModelAdviceOverridesTheFamilyForItsModel() {
        var h = harness(at: .steps)
        let advice = ModelAdvice(steps: 15...30, cfg: 5...9, maxSide: 64)
        h.state.modelAdvice = ["/models/demo.safetensors": advice]
        h.state.document.modelPath = "/models/other.safetensors"
        XCTAssertNil(h.state.currentModelAdvice)
        h.state.document.modelPath = "/models/demo.safetensors"
        XCTAssertEqual(h.state.currentModelAdvice, advice)
        XCTAssertEqual(ParameterFormat.recommended(.steps, family: .sd15, advice: advice), 15...30)
        XCTAssertEqual(ParameterFormat.recommendedLabel(.steps, family: .sd15, advice: advice), "rec 15–30")
        XCTAssertEqual(ParameterFormat.recommendedLabel(.width, family: .sd15, advice: advice), "≤ 64")
        XCTAssertEqual(ParameterFormat.recommended(.clipSkip, family: .sd15, advice: advice), 1...2) // the family's
    }

    /// 3:2 at SD 1.5's 512×512 area: w = √(262144·1.5) = 627.1 → 624, h = 418.0 → 416 (multiples
    /// of 8; 624/416 = 1.5 exactly). 16:9 at SDXL's 1024² area: 1365.3 → 1368, 768 → 768.
    func testAspectPresetsKeepTheFamilyArea() {
        var h = harness(at: .aspect)
        h.press(.enter)
        guard case .picker(let picker) = h.state.topOverlay else { return XCTFail("no picker") }
        XCTAssertEqual(picker.items[picker.selected], "1:1 square")
        h.press(.down, .down, .enter)
        XCTAssertEqual(h.settings.width, 624)
        XCTAssertEqual(h.settings.height, 416)
        XCTAssertEqual(ParameterFormat.value(.aspect, h.state.document), "3:2")
        let wide = AspectPreset.all.first { $0.label.hasPrefix("16:9") }!.size(area: 1024 * 1024)
        XCTAssertEqual(wide.width, 1368)
        XCTAssertEqual(wide.height, 768)
        XCTAssertEqual(AspectPreset.describe(width: 640, height: 512), "5:4")
    }

    func testTypedValuesAreCheckedAndApplied() {
        var h = harness(at: .cfg)
        h.press(.enter)
        guard case .textEntry(let entry) = h.state.topOverlay else { return XCTFail("no prompt") }
        XCTAssertEqual(entry.field.text, "7")
        h.press(.ctrl("u"))
        h.typeKeys("45")
        h.press(.enter)
        XCTAssertEqual(h.state.status, .error("CFG: 45 is outside 1–30"))
        XCTAssertNotNil(h.state.topOverlay)                  // stays open to fix the value
        h.press(.backspace, .backspace)
        h.typeKeys("6.5")
        h.press(.enter)
        XCTAssertEqual(h.settings.cfgScale, 6.5)
        XCTAssertTrue(h.state.overlays.isEmpty)

        h.state.parameter = .width
        h.press(.enter, .ctrl("u"))
        h.typeKeys("500")
        h.press(.enter)
        XCTAssertEqual(h.state.status, .error("Width: 500 must be a multiple of 8"))
        h.press(.ctrl("u"))
        h.typeKeys("abc")
        h.press(.enter)
        XCTAssertEqual(h.state.status, .error("Width: 'abc' is not a number"))
        h.press(.escape)

        h.state.parameter = .seed
        h.press(.enter, .ctrl("u"))
        h.typeKeys("18446744073709551615")
        h.press(.enter)
        XCTAssertEqual(h.settings.seed, UInt64.max)
        h.state.parameter = .steps
        h.press(.enter, .ctrl("u"))
        h.typeKeys("2.5")
        h.press(.enter)
        XCTAssertEqual(h.state.status, .error("Steps: '2.5' must be a whole number"))
    }

    func testModelPickerLoadsTheChosenModel() {
        var h = harness(at: .model)
        h.press(.enter)
        XCTAssertEqual(h.state.status, .warning("No model files found (start easel with --model PATH)"))
        h.send(.modelsFound(["/m/a.safetensors", "/m/b.safetensors"]))
        h.press(.enter, .down, .enter)
        XCTAssertEqual(h.state.document.modelPath, "/m/b.safetensors")
        XCTAssertTrue(h.effects.contains(.loadModel(path: "/m/b.safetensors")))
    }
}
