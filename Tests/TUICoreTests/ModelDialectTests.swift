import PromptKit
import RenderSettings
import XCTest
@testable import TUICore

/// The workbench follows the loaded model's family: an SDXL model switches an SD 1.5 document
/// to the SDXL dialect at SDXL's size for its aspect (SDXL report buckets, `ModelProfiles`),
/// a Pony model to Pony, and a Pony dialect picked by hand stays on a plain SDXL model. The
/// aspect picker offers SDXL's buckets; the clip skip hint says which layer SDXL reads.
/// Only a model the user picks brings its dialect (`adoptDialectOnLoad`, set by the model
/// picker); the session's first model chose the dialect already, and a preset brings its own.
final class ModelDialectTests: XCTestCase {
    func testALoadNobodyPickedLeavesTheDialectAlone() {
        var h = ReducerHarness()
        h.state.document.grid.family = .sdxl
        h.send(.modelLoaded(name: "easel-demo", dialect: .sd15))
        XCTAssertEqual(h.state.document.family, .sdxl)
    }

    func testAnSDXLModelSwitchesTheDialectAndSize() {
        var h = ReducerHarness()
        XCTAssertEqual(h.state.document.family, .sd15)
        h.state.adoptDialectOnLoad = true
        h.send(.modelLoaded(name: "sd_xl_base_1.0", dialect: .sdxl))
        XCTAssertEqual(h.state.document.family, .sdxl)
        XCTAssertEqual([h.state.document.settings.width, h.state.document.settings.height], [1024, 1024])
        XCTAssertEqual(h.state.status, .info("sd_xl_base_1.0 is Stable Diffusion XL: dialect sdxl, 1024×1024"))
        XCTAssertTrue(h.effects.contains { if case .scheduleRender = $0 { return true } else { return false } })
    }

    func testAPortraitDocumentTakesTheNearestBucket() {
        var h = ReducerHarness(document: Document(settings: RenderSettings(seed: 1, width: 512, height: 768)))
        h.state.adoptDialectOnLoad = true
        h.send(.modelLoaded(name: "ponyDiffusionV6XL", dialect: .pony))
        XCTAssertEqual(h.state.document.family, .pony)
        XCTAssertEqual([h.state.document.settings.width, h.state.document.settings.height], [832, 1216])
        XCTAssertEqual(ParameterFormat.value(.aspect, h.state.document), "2:3")
    }

    func testPonyPickedByHandStaysOnAnSDXLModel() {
        var h = ReducerHarness()
        h.state.document.grid.family = .pony
        h.state.adoptDialectOnLoad = true
        h.send(.modelLoaded(name: "sd_xl_base_1.0", dialect: .sdxl))
        XCTAssertEqual(h.state.document.family, .pony)
        h.state.adoptDialectOnLoad = true
        h.send(.modelLoaded(name: "v1-5-pruned", dialect: .sd15))
        XCTAssertEqual(h.state.document.family, .sd15)
    }

    func testAspectPickerUsesSDXLBuckets() {
        let profile = ModelFamily.sdxl.profile
        let sizes = AspectPreset.all.map { preset -> [Int] in
            let size = preset.size(for: profile)
            return [size.width, size.height]
        }
        XCTAssertEqual(sizes, [[1024, 1024], [832, 1216], [1216, 832], [896, 1152], [1152, 896], [768, 1344], [1344, 768]])
        XCTAssertEqual(AspectPreset.describe(width: 896, height: 1152), "3:4")
        let sd15 = AspectPreset.all[2].size(for: ModelFamily.sd15.profile)
        XCTAssertEqual([sd15.width, sd15.height], [624, 416])          // no buckets: SD 1.5's area
    }

    func testClipSkipHintNamesTheLayerOnSDXL() {
        XCTAssertEqual(ParameterFormat.recommendedLabel(.clipSkip, family: .sdxl, value: 1), "2nd last")
        XCTAssertEqual(ParameterFormat.recommendedLabel(.clipSkip, family: .pony, value: 2), "2nd last")
        XCTAssertEqual(ParameterFormat.recommendedLabel(.clipSkip, family: .sdxl, value: 3), "3rd last")
        XCTAssertEqual(ParameterFormat.recommendedLabel(.clipSkip, family: .sd15, value: 2), "rec 1–2")
    }

    func testDialectForCheckpointFamiliesAndPonyNames() {
        XCTAssertEqual(ModelFamily.dialect(for: .sdxl, names: ["sd_xl_base_1.0", nil]), .sdxl)
        XCTAssertEqual(ModelFamily.dialect(for: .sdxl, names: ["ponyDiffusionV6XL_v6StartWithThisOne", nil]), .pony)
        XCTAssertEqual(ModelFamily.dialect(for: .sdxl, names: ["model", "Pony Diffusion V6 XL"]), .pony)
        XCTAssertEqual(ModelFamily.dialect(for: .sd1, names: ["pony-sd15"]), .sd15)
        XCTAssertNil(ModelFamily.dialect(for: .sd3, names: []))
    }
}
