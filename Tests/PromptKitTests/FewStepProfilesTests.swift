import PromptKit
import RenderSettings
import XCTest

/// Few-step advice as data (sources in `FewStepProfiles`): LCM 4–8 steps at CFG 1–2, Turbo
/// 1–4 at CFG 1, Lightning 2–8 at CFG 1; lint checks them instead of the family's CFG.
final class FewStepProfilesTests: XCTestCase {
    func testNamesPickTheKind() {
        XCTAssertEqual(FewStepProfiles.profile(forName: "lcm-lora-sdv1-5")?.kind, .lcm)
        XCTAssertEqual(FewStepProfiles.profile(forName: "sd_xl_turbo_1.0_fp16")?.kind, .turbo)
        XCTAssertEqual(FewStepProfiles.profile(forName: "sdxl_lightning_4step_lora")?.kind, .lightning)
        XCTAssertNil(FewStepProfiles.profile(forName: "v1-5-pruned-emaonly"))
        XCTAssertNil(FewStepProfiles.profile(forName: "dreamshaper_8"))
    }

    func testRangesAndAdjustedSettings() {
        let lcm = FewStepProfiles.profile(.lcm)
        XCTAssertEqual(lcm.steps, 4...8)
        XCTAssertEqual(lcm.cfg, 1...2)
        XCTAssertEqual(FewStepProfiles.profile(.turbo).steps, 1...4)
        XCTAssertEqual(FewStepProfiles.profile(.lightning).steps, 2...8)
        let adjusted = lcm.adjusted(RenderSettings(steps: 30, cfgScale: 7))
        XCTAssertEqual([adjusted.steps], [8])
        XCTAssertEqual(adjusted.cfgScale, 2)
        XCTAssertEqual(adjusted.sampler, .lcm)
        XCTAssertEqual(adjusted.modelSampling, .lcm)
    }

    func testLintUsesTheFewStepRanges() {
        var input = LintInput(prompt: "a cat", family: .sd15, cfg: 1.5)
        input.steps = 20
        input.fewStep = FewStepProfiles.profile(.lcm)
        XCTAssertEqual(PromptLinter().lint(input).map(\.description), ["few-step: LCM models want 4–8 steps, got 20"])
        input.steps = 4
        XCTAssertEqual(PromptLinter().lint(input), [])          // CFG 1.5 is no `cfg` warning for LCM
        input.fewStep = FewStepProfiles.profile(.turbo)
        XCTAssertEqual(PromptLinter().lint(input).map(\.description), ["few-step: Turbo models want CFG 1, got 1.5"])
    }
}
