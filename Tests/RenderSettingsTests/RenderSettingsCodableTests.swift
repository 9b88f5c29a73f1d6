import XCTest
@testable import RenderSettings

final class RenderSettingsCodableTests: XCTestCase {
    func testJSONRoundTrip() throws {
        let s = RenderSettings(prompt: "a cat", negativePrompt: "dog", steps: 30, sampler: .dpmpp2mSDE,
                               schedule: .karras, cfgScale: 4.5, seed: UInt64.max, width: 640, height: 832,
                               clipSkip: 2, batchSize: 3, modelName: "m", modelHash: "0123456789", rng: .cpu,
                               extraParameters: [InfotextField(key: "Version", value: "v1")])
        let data = try JSONEncoder().encode(s)
        XCTAssertEqual(try JSONDecoder().decode(RenderSettings.self, from: data), s)
        let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        XCTAssertEqual(object["sampler"] as? String, "dpmpp_2m_sde")
        XCTAssertEqual(object["schedule"] as? String, "karras")
    }

    func testMissingKeysTakeDefaultsAndNamesMayBeA1111s() throws {
        let json = #"{"sampler": "DPM++ 2M", "cfgScale": 5, "seed": 1}"#
        let s = try JSONDecoder().decode(RenderSettings.self, from: Data(json.utf8))
        XCTAssertEqual(s.sampler, .dpmpp2m)
        XCTAssertEqual(s.schedule, .karras, "a missing schedule is the sampler's automatic one")
        XCTAssertEqual(s.steps, 20)
        XCTAssertEqual(s.width, 512)
        XCTAssertEqual(s.rng, .cpu)
    }

    func testUnknownKeyAndBadNamesAreErrors() {
        XCTAssertThrowsError(try JSONDecoder().decode(RenderSettings.self, from: Data(#"{"cfg_scale": 5}"#.utf8))) { error in
            XCTAssertTrue("\(error)".contains("unknown key 'cfg_scale'"), "\(error)")
        }
        XCTAssertThrowsError(try JSONDecoder().decode(RenderSettings.self, from: Data(#"{"sampler": "Restart"}"#.utf8))) { error in
            XCTAssertTrue("\(error)".contains("unknown sampler 'Restart'"), "\(error)")
        }
        XCTAssertThrowsError(try JSONDecoder().decode(RenderSettings.self, from: Data(#"{"sampler": "DPM++ 2M Karras"}"#.utf8)))
    }

    func testValidate() {
        XCTAssertNoThrow(try RenderSettings().validate())
        XCTAssertThrowsError(try RenderSettings(steps: 0).validate()) { XCTAssertEqual("\($0)", "steps: must be at least 1, got 0") }
        XCTAssertThrowsError(try RenderSettings(cfgScale: -1).validate())
        XCTAssertThrowsError(try RenderSettings(width: 513).validate()) { XCTAssertEqual("\($0)", "width: must be a multiple of 8 between 8 and 2048, got 513") }
        XCTAssertThrowsError(try RenderSettings(height: 4096).validate())
        XCTAssertThrowsError(try RenderSettings(clipSkip: 0).validate())
    }

    /// The engine's upper limits (formerly checked by Diffusion's own request type): ComfyUI's
    /// 10000 steps, 64 images a batch.
    func testValidateUpperBounds() {
        XCTAssertNoThrow(try RenderSettings(steps: 10_000, batchSize: 64).validate())
        XCTAssertThrowsError(try RenderSettings(steps: 10_001).validate()) {
            XCTAssertEqual("\($0)", "steps: must be at most 10000, got 10001")
        }
        XCTAssertThrowsError(try RenderSettings(batchSize: 65).validate()) {
            XCTAssertEqual("\($0)", "batch size: must be at most 64, got 65")
        }
    }
}
