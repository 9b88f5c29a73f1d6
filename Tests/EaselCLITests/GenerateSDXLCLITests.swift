import Foundation
import Imaging
import RenderSettings
import TestSupport
import XCTest

/// `easel generate` on the tiny SDXL model against the reference runs in
/// `tiny-sdxl-reference/manifest.json` (diffusers + k-diffusion + torch with A1111's SDXL
/// conditioning, fixtures README "tiny-sdxl*"): every run within 2 levels of the reference PNG
/// at every pixel and 0.5 on average, from the fp32 and fp16 single files and the diffusers
/// folder, in the precise mode. The runs cover an empty (zeroed) negative, clip skip 2, a
/// 2-chunk prompt against a 1-chunk negative (separate UNet calls) and an odd latent (80×48).
final class GenerateSDXLCLITests: XCTestCase {
    private var work: URL!
    override func setUpWithError() throws { work = try Fixtures.temporaryDirectory("easel-generate-sdxl") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    private func assertMatchesReference(model: String) throws {
        try ReferenceRun.assertAllMatch(folder: "tiny-sdxl-reference", model: model, work: work)
    }

    func testReferenceRunsFromSingleFileFP32() throws { try assertMatchesReference(model: "tiny-sdxl.safetensors") }
    func testReferenceRunsFromSingleFileFP16() throws { try assertMatchesReference(model: "tiny-sdxl-fp16.safetensors") }
    func testReferenceRunsFromDiffusersFolder() throws { try assertMatchesReference(model: "tiny-sdxl-diffusers") }
}
