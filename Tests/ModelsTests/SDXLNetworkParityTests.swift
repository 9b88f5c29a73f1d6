import Models
import Tensor
import TestSupport
import XCTest

/// SDXL's UNet (with `y`) and VAE against `tiny-sdxl-reference/unet.safetensors` and
/// `vae.safetensors` (diffusers output, fixtures README): within 1e-4 relative, and the three
/// forms of the model, which hold the same values, give identical outputs.
final class SDXLNetworkParityTests: XCTestCase {
    func testUNetEpsWithSizeConditioningMatchesTheReference() throws {
        let fixture = try FixtureTensors("tiny-sdxl-reference/unet.safetensors")
        let (x, t, context, y) = (try fixture["x"], try fixture["t"].values, try fixture["context"], try fixture["y"])
        let reference = try TinySDXL.unet()(x, timesteps: t, context: context, y: y)
        let error = relativeMaxError(reference, try fixture["eps"])
        XCTAssertLessThan(error, 1e-4)
        print("parity UNet eps: \(error)")
        for form in [TinySDXL.Form.singleFileFP16, .diffusers] {
            XCTAssertEqual(try TinySDXL.unet(form)(x, timesteps: t, context: context, y: y).values, reference.values, "\(form)")
        }
    }

    func testUNetRefusesAMissingOrMisshapenY() throws {
        let fixture = try FixtureTensors("tiny-sdxl-reference/unet.safetensors")
        let unet = try TinySDXL.unet()
        let (x, t, context) = (try fixture["x"], try fixture["t"].values, try fixture["context"])
        XCTAssertThrowsError(try unet(x, timesteps: t, context: context)) {
            XCTAssertEqual("\($0)", "UNet y has shape [], expected [2, 1600]")
        }
        XCTAssertThrowsError(try unet(x, timesteps: t, context: context, y: Tensor(zeros: [2, 1601])))
    }

    func testVAEMatchesTheReference() throws {
        let fixture = try FixtureTensors("tiny-sdxl-reference/vae.safetensors")
        let vae = try TinySDXL.vae()
        let decoded = try vae.decode(fixture["latent"])
        let (mean, logvar) = try vae.encode(fixture["image"])
        let errors = [relativeMaxError(decoded, try fixture["decoded"]),
                      relativeMaxError(mean, try fixture["posterior_mean"]),
                      relativeMaxError(logvar, try fixture["posterior_logvar"])]
        print("parity VAE decode/mean/logvar: \(errors)")
        for error in errors { XCTAssertLessThan(error, 1e-4) }
        for form in [TinySDXL.Form.singleFileFP16, .diffusers] {
            XCTAssertEqual(try TinySDXL.vae(form).decode(fixture["latent"]).values, decoded.values, "\(form)")
        }
    }
}
