import Models
import Tensor
import XCTest

/// The tiny VAE against `tiny-sd15-reference/vae.safetensors` (diffusers 0.42.1
/// `AutoencoderKL`, see the fixture README): `decoded` = decode(`latent`), and the encoder's
/// posterior mean and log-variance for `image`.
final class VAEModelTests: XCTestCase {
    private func model() throws -> VAEModel { try TinyModel.vae() }

    func testDecodeMatchesReference() throws {
        let reference = try FixtureTensors("tiny-sd15-reference/vae.safetensors")
        let decoded = try model().decode(reference["latent"])
        XCTAssertEqual(decoded.shape, [1, 3, 64, 64])
        let error = relativeMaxError(decoded, try reference["decoded"])
        print("VAE decoded: relative max error \(error)")
        XCTAssertLessThan(error, 1e-4)
    }

    /// The same decode with every 3×3 convolution through Winograd F(4×4, 3×3) (at SD 1.5
    /// size the precise mode uses it for the large ones).
    func testDecodeThroughWinogradMatchesReference() throws {
        let reference = try FixtureTensors("tiny-sd15-reference/vae.safetensors")
        let vae = try model()
        let decoded = try Winograd.forEveryEligibleConvolution { try vae.decode(reference["latent"]) }
        let error = relativeMaxError(decoded, try reference["decoded"])
        print("VAE decoded through Winograd: relative max error \(error)")
        XCTAssertLessThan(error, 1e-4)
    }

    func testEncoderMomentsMatchReference() throws {
        let reference = try FixtureTensors("tiny-sd15-reference/vae.safetensors")
        let (mean, logvar) = try model().encode(reference["image"])
        XCTAssertEqual(mean.shape, [1, 4, 8, 8])
        let meanError = relativeMaxError(mean, try reference["posterior_mean"])
        let logvarError = relativeMaxError(logvar, try reference["posterior_logvar"])
        print("VAE posterior mean: \(meanError), logvar: \(logvarError)")
        XCTAssertLessThan(meanError, 1e-4)
        XCTAssertLessThan(logvarError, 1e-4)
    }

    func testRejectsWrongShapes() throws {
        let vae = try model()
        XCTAssertThrowsError(try vae.decode(Tensor(zeros: [1, 3, 8, 8]))) { error in
            XCTAssertEqual("\(error)", "latent has shape [1, 3, 8, 8], expected [B, 4, H, W] with H, W positive multiples of 1")
        }
        XCTAssertThrowsError(try vae.encode(Tensor(zeros: [1, 3, 60, 64])))
    }
}
