import Foundation
import LocalEngine
import RenderSettings
import TestSupport
import XCTest

/// LCM's model sampling is picked when the model or a LoRA tag names LCM, unless chosen by hand.
final class ModelSamplingHintTests: XCTestCase {
    func testNamesAndLoraTags() {
        let plain = Fixtures.url("tiny-sd15.safetensors")
        XCTAssertNil(ModelSamplingHint.suggested(model: plain, prompt: "a cat"))
        XCTAssertEqual(ModelSamplingHint.suggested(model: plain, prompt: "a cat <lora:lcm-lora-sdv1-5:1>"), .lcm)
        XCTAssertEqual(ModelSamplingHint.suggested(model: URL(fileURLWithPath: "/m/LCM_Dreamshaper_v7.safetensors"),
                                                   prompt: ""), .lcm)
        XCTAssertNil(ModelSamplingHint.suggested(model: URL(fileURLWithPath: "/m/realcmodel.safetensors"), prompt: ""))
    }

    func testApplyLeavesAHandChoiceAlone() {
        var settings = RenderSettings(prompt: "<lora:lcm-lora-sdv1-5:1> a cat")
        XCTAssertNil(ModelSamplingHint.apply(to: &settings, model: Fixtures.url("tiny-sd15.safetensors"), explicit: true))
        XCTAssertEqual(settings.modelSampling, .discrete)
        XCTAssertNotNil(ModelSamplingHint.apply(to: &settings, model: Fixtures.url("tiny-sd15.safetensors"), explicit: false))
        XCTAssertEqual(settings.modelSampling, .lcm)
    }
}
