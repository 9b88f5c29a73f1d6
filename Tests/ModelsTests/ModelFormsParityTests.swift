import Models
import Tensor
import XCTest

/// The fp32 single file, the fp16 single file and the diffusers folder hold the same values
/// (the fixture README: weights were rounded to fp16 before saving), so every network must
/// give bit-identical outputs from all three, and those outputs must match the references.
final class ModelFormsParityTests: XCTestCase {
    private let forms: [TinyModel.Form] = [.singleFileFP16, .diffusers]

    func testTextEncoderIsIdenticalAcrossForms() throws {
        let chunk = ConditioningChunk(ids: [49406, 320, 1125, 539, 320, 2368] + Array(repeating: 49407, count: 71),
                                      multipliers: [1, 1, 1.3, 1, 1, 0.8] + Array(repeating: 1, count: 71))
        let reference = try A1111Conditioning(textModel: TinyModel.textModel()).encode([chunk], clipSkip: 2)
        for form in forms {
            let got = try A1111Conditioning(textModel: TinyModel.textModel(form)).encode([chunk], clipSkip: 2)
            XCTAssertEqual(got.values, reference.values, "\(form)")
        }
    }

    func testUNetIsIdenticalAcrossForms() throws {
        let fixture = try FixtureTensors("tiny-sd15-reference/unet.safetensors")
        let (x, t, context) = (try fixture["x"], try fixture["t"].values, try fixture["context"])
        let reference = try TinyModel.unet()(x, timesteps: t, context: context)
        XCTAssertLessThan(relativeMaxError(reference, try fixture["eps"]), 1e-4)
        for form in forms {
            let got = try TinyModel.unet(form)(x, timesteps: t, context: context)
            XCTAssertEqual(got.values, reference.values, "\(form)")
        }
    }

    func testVAEIsIdenticalAcrossForms() throws {
        let fixture = try FixtureTensors("tiny-sd15-reference/vae.safetensors")
        let vae = try TinyModel.vae()
        let decoded = try vae.decode(fixture["latent"])
        let (mean, logvar) = try vae.encode(fixture["image"])
        for form in forms {
            let other = try TinyModel.vae(form)
            XCTAssertEqual(try other.decode(fixture["latent"]).values, decoded.values, "\(form) decode")
            let (otherMean, otherLogvar) = try other.encode(fixture["image"])
            XCTAssertEqual(otherMean.values, mean.values, "\(form) mean")
            XCTAssertEqual(otherLogvar.values, logvar.values, "\(form) logvar")
        }
    }

    /// The loader's detected configs are the tiny model's published hyper-parameters.
    func testDetectedConfigsMatchTheFixtureReadme() throws {
        for form in TinyModel.Form.allCases {
            let c = try TinyModel.checkpoint(form)
            XCTAssertEqual(c.unetConfig.modelChannels, 32, "\(form)")
            XCTAssertEqual(c.unetConfig.channelMult, [1, 1, 2, 2], "\(form)")
            XCTAssertEqual(c.unetConfig.contextDim, 64, "\(form)")
            XCTAssertEqual(c.textConfig.hiddenSize, 64, "\(form)")
            XCTAssertEqual(c.textConfig.numLayers, 3, "\(form)")
            XCTAssertEqual(c.textConfig.numHeads, 1, "\(form)")
            XCTAssertEqual(c.vaeConfig.channels, 32, "\(form)")
        }
    }
}
