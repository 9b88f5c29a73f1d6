import Models
import Tensor
import XCTest

/// The tiny UNet against `tiny-sd15-reference/unet.safetensors` (diffusers 0.42.1
/// `UNet2DConditionModel`, see the fixture README): eps for a batch of 2 at t = [999, 500.5].
final class UNetModelTests: XCTestCase {
    private func model() throws -> UNetModel { try TinyModel.unet() }

    func testEpsMatchesReference() throws {
        let reference = try FixtureTensors("tiny-sd15-reference/unet.safetensors")
        let t = try reference["t"].values
        XCTAssertEqual(t, [999, 500.5])
        let unet = try model()
        let eps = try unet(try reference["x"], timesteps: t, context: try reference["context"])
        XCTAssertEqual(eps.shape, [2, 4, 8, 8])
        let error = relativeMaxError(eps, try reference["eps"])
        print("UNet eps: relative max error \(error)")
        XCTAssertLessThan(error, 1e-4)
        // A second call reuses the pooled activations and gives the same numbers.
        let again = try unet(try reference["x"], timesteps: t, context: try reference["context"])
        XCTAssertEqual(again.values, eps.values)
    }

    /// The same eps with every 3×3 convolution through Winograd F(4×4, 3×3), batch items
    /// side by side in its GEMMs.
    func testEpsThroughWinogradMatchesReference() throws {
        let reference = try FixtureTensors("tiny-sd15-reference/unet.safetensors")
        let unet = try model()
        let eps = try Winograd.forEveryEligibleConvolution {
            try unet(try reference["x"], timesteps: try reference["t"].values, context: try reference["context"])
        }
        let error = relativeMaxError(eps, try reference["eps"])
        print("UNet eps through Winograd: relative max error \(error)")
        XCTAssertLessThan(error, 1e-4)
    }

    /// A `UNetTextContext` projects the cross-attention keys and values on the first call and
    /// reuses them: the first and a later call (another timestep) match the reference and
    /// plain-tensor calls exactly.
    func testReusedTextContextGivesTheSameEps() throws {
        let reference = try FixtureTensors("tiny-sd15-reference/unet.safetensors")
        let unet = try model()
        let x = try reference["x"], t = try reference["t"].values
        let context = UNetTextContext(try reference["context"])
        let first = try unet(x, timesteps: t, context: context)
        XCTAssertLessThan(relativeMaxError(first, try reference["eps"]), 1e-4)
        let later = try unet(x, timesteps: [t[1], t[0]], context: context)
        let plain = try unet(x, timesteps: [t[1], t[0]], context: try reference["context"])
        XCTAssertEqual(later.values, plain.values)
    }

    /// Each batch item is computed independently: item 1 alone equals item 1 of the batch.
    func testBatchItemsAreIndependent() throws {
        let reference = try FixtureTensors("tiny-sd15-reference/unet.safetensors")
        let x = try reference["x"], context = try reference["context"]
        let item = Tensor(shape: [1, 4, 8, 8], values: Array(x.values[256...]))
        let itemContext = Tensor(shape: [1, 77, 64], values: Array(context.values[(77 * 64)...]))
        let single = try model()(item, timesteps: [500.5], context: itemContext)
        let want = Tensor(shape: [1, 4, 8, 8], values: Array(try reference["eps"].values[256...]))
        XCTAssertLessThan(relativeMaxError(single, want), 1e-4)
    }

    /// Odd latent sizes run: the upsamplers resize to the skip connection's size.
    func testOddLatentSize() throws {
        let x = Tensor(shape: [1, 4, 9, 7], values: (0..<252).map { Float($0 % 13) / 13 - 0.5 })
        let context = Tensor(zeros: [1, 77, 64])
        let eps = try model()(x, timesteps: [10], context: context)
        XCTAssertEqual(eps.shape, [1, 4, 9, 7])
        XCTAssertTrue(eps.values.allSatisfy(\.isFinite))
    }

    func testRejectsMismatchedInputs() throws {
        let unet = try model()
        XCTAssertThrowsError(try unet(Tensor(zeros: [2, 4, 8, 8]), timesteps: [1], context: Tensor(zeros: [2, 77, 64]))) {
            XCTAssertEqual("\($0)", "UNet timesteps has shape [1], expected [2]")
        }
        XCTAssertThrowsError(try unet(Tensor(zeros: [1, 4, 8, 8]), timesteps: [1], context: Tensor(zeros: [1, 77, 768])))
    }
}
