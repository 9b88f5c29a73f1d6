import Diffusion
import Models
import Tensor
import XCTest

/// Which precision a model gets when nobody chooses one.
final class AutomaticPrecisionTests: XCTestCase {
    /// Small UNets (the demo model's base width is 32) run in fp32; SD 1.5's width 320 gets
    /// the general default (bf16 where the CPU has it).
    func testSmallModelsRunInFP32AndSD15GetsTheDefault() throws {
        try XCTSkipIf(try Precision.fromEnvironment() != nil, "EASEL_PRECISION is set and overrides the choice")
        var demo = UNetConfig()
        demo.modelChannels = 32
        XCTAssertEqual(try StableDiffusionPipeline.automaticPrecision(for: demo), .fp32)
        XCTAssertEqual(try StableDiffusionPipeline.automaticPrecision(for: UNetConfig()), Precision.preferred)
    }
}
