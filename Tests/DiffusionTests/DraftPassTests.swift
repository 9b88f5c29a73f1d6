import EngineAPI
import Imaging
import Models
import RenderSettings
import TestSupport
import XCTest
@testable import Diffusion

/// `EngineRequest.draftScale`: a low-resolution first pass reported before the real image,
/// which it must not change.
final class DraftPassTests: XCTestCase {
    private func pipeline() throws -> StableDiffusionPipeline {
        let checkpoint = try StableDiffusionCheckpoint.load(Fixtures.url("tiny-sd15.safetensors"))
        return try StableDiffusionPipeline(checkpoint: checkpoint, precision: .fp32) { _ in
            [ConditioningChunk(ids: StableDiffusionPipelineTests.catIDs, multipliers: Array(repeating: 1, count: 77))]
        }
    }

    /// 512 px at scale 4 → 128 px with min(20, 16) = 16 steps; 64 px at scale 2 → 32 px with
    /// min(3, 4) = 3 steps; sizes never drop below 8 px.
    func testDraftRequestSizeAndSteps() {
        var r = EngineRequest(settings: RenderSettings(prompt: "x", steps: 20, width: 512, height: 768), draftScale: 4)
        var d = StableDiffusionPipeline.draftRequest(for: r)
        XCTAssertEqual([d.settings.width, d.settings.height, d.settings.steps, d.draftScale], [128, 192, 16, 1])
        r = EngineRequest(settings: RenderSettings(prompt: "x", steps: 3, width: 64, height: 8), draftScale: 2)
        d = StableDiffusionPipeline.draftRequest(for: r)
        XCTAssertEqual([d.settings.width, d.settings.height, d.settings.steps], [32, 8, 3])
    }

    /// Draft steps come first, flagged, with previews of the draft's latent size; the full run
    /// follows and its image equals a run without a draft.
    func testDraftIsReportedFirstAndLeavesTheImageUnchanged() throws {
        let p = try pipeline()
        var request = EngineRequest(settings: RenderSettings(prompt: "a photo of a cat", steps: 4, sampler: .euler,
                                                             schedule: .normal, cfgScale: 7, seed: 42, width: 64, height: 64))
        let plain = try p.generate(request)
        request.draftScale = 2
        var events: [(draft: Bool, step: Int, side: Int)] = []
        let drafted = try p.generate(request) { events.append(($0.isDraft, $0.step, $0.preview?.width ?? 0)) }
        XCTAssertEqual(events.map(\.draft), [true, true, true, true, false, false, false, false])
        XCTAssertEqual(events.map(\.step), [1, 2, 3, 4, 1, 2, 3, 4])
        XCTAssertEqual(events.map(\.side), [4, 4, 4, 4, 8, 8, 8, 8])
        XCTAssertEqual(drafted[0].image, plain[0].image)
        XCTAssertThrowsError(try EngineRequest(settings: RenderSettings(prompt: "x"), draftScale: 9).validate())
    }
}
