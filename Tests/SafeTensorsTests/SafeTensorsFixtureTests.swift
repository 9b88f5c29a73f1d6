import Foundation
import SafeTensors
import TestSupport
import XCTest

/// The shared fixtures (see their README): the fp32 and fp16 single files hold the same values
/// because the weights were rounded to fp16 before saving.
final class SafeTensorsFixtureTests: XCTestCase {
    func testFloat32AndFloat16FixturesHoldIdenticalValues() throws {
        let fp32 = try SafeTensorsFile(url: Fixtures.url("tiny-sd15.safetensors"))
        let fp16 = try SafeTensorsFile(url: Fixtures.url("tiny-sd15-fp16.safetensors"))
        XCTAssertEqual(fp32.names, fp16.names)
        var compared = 0
        for name in fp32.names where fp32.entries[name]?.dtype == .f32 {
            let a = try fp32.tensor(name), b = try fp16.tensor(name)
            XCTAssertEqual(a.shape, b.shape, name)
            XCTAssertEqual(a.values, b.values, name)
            compared += 1
        }
        XCTAssertGreaterThan(compared, 900)
        XCTAssertEqual(fp16.entries["model.diffusion_model.out.2.weight"]?.dtype, .f16)
    }

    func testInt64PositionIds() throws {
        let file = try SafeTensorsFile(url: Fixtures.url("tiny-sd15.safetensors"))
        let ids = try file.int64s("cond_stage_model.transformer.text_model.embeddings.position_ids")
        XCTAssertEqual(ids, (0..<77).map(Int64.init))  // transformers CLIPTextEmbeddings: arange(77)
    }

    /// SD's scaled-linear schedule (LDM `make_beta_schedule`, linear_start 0.00085): the first
    /// cumulative alpha is 1 − 0.00085.
    func testAlphasCumprod() throws {
        let file = try SafeTensorsFile(url: Fixtures.url("tiny-sd15.safetensors"))
        let alphas = try file.tensor("alphas_cumprod")
        XCTAssertEqual(alphas.shape, [1000])
        XCTAssertEqual(alphas.values[0], 0.99915, accuracy: 1e-6)
    }
}
