import EngineAPI
import Models
import RenderSettings
import SafeTensors
import Tensor
import TestSupport
import XCTest
@testable import Diffusion

/// TAESD against diffusers' `AutoencoderTiny`: `tools/taesd/make_tiny_taesd.py` made a
/// random-weight decoder (16-wide stages, TAESD's layer sequence) in the published
/// `taesd_decoder.safetensors` layout and diffusers' decode of a latent; both files are
/// committed (Fixtures/, 210 KB together) so no torch is needed here.
final class TAESDTests: XCTestCase {
    static let fixtures = Fixtures.repoRoot.appendingPathComponent("Tests/DiffusionTests/Fixtures")

    private func decoder() throws -> TinyAutoencoderDecoder {
        try TinyAutoencoderDecoder(contentsOf: Self.fixtures.appendingPathComponent("tiny-taesd_decoder.safetensors"))
    }

    func testDecodeMatchesDiffusersAutoencoderTiny() throws {
        let reference = try SafeTensorsFile(url: Self.fixtures.appendingPathComponent("tiny-taesd-reference.safetensors"))
        let got = try decoder().decode(try reference.tensor("latent"))
        let want = try reference.tensor("decoded")
        XCTAssertEqual(got.shape, [1, 3, 64, 64])
        let err = zip(got.values, want.values).map { abs($0 - $1) }.max() ?? 0
        XCTAssertLessThan(err, 1e-4 * max(1, want.maxMagnitude))
    }

    func testMissingFileIsOneLineNamingIt() {
        XCTAssertThrowsError(try TinyAutoencoderDecoder(contentsOf: URL(fileURLWithPath: "/nowhere/taesd_decoder.safetensors"))) {
            XCTAssertEqual("\($0)".split(separator: "\n").count, 1)
            XCTAssertTrue("\($0)".contains("taesd_decoder.safetensors"), "\($0)")
        }
    }

    /// With TAESD loaded the previews are full-size pictures, and the final image can come from it.
    func testPreviewsAndFinalDecodeUseTAESD() throws {
        let pipeline = try AdapterFixtureRuns.pipeline()
        pipeline.taesd = try decoder()
        defer { pipeline.taesd = nil; pipeline.finalDecodeWithTAESD = false }
        let settings = RenderSettings(prompt: "a photo of a cat", steps: 2, sampler: .euler, schedule: .normal,
                                      cfgScale: 1, seed: 1, width: 64, height: 64)
        var previews: [Int] = []
        _ = try pipeline.generate(EngineRequest(settings: settings)) { previews.append($0.preview?.width ?? 0) }
        XCTAssertEqual(previews, [64, 64])
        let vae = try pipeline.generate(EngineRequest(settings: settings))[0].image
        pipeline.finalDecodeWithTAESD = true
        let tiny = try pipeline.generate(EngineRequest(settings: settings))[0].image
        XCTAssertNotEqual(vae, tiny)
    }
}
