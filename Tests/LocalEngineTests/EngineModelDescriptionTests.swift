import Foundation
import TestSupport
import XCTest
@testable import LocalEngine

/// The in-process engine names a model's family and title from its header(s), so the
/// workbench can pick the dialect before or after loading (fixtures README: tiny-sdxl* is SDXL).
final class EngineModelDescriptionTests: XCTestCase {
    func testModelsCarryTheirFamilyAndTitle() throws {
        XCTAssertEqual(InProcessEngine.model(at: Fixtures.url("tiny-sdxl.safetensors").path).family, .sdxl)
        XCTAssertEqual(InProcessEngine.model(at: Fixtures.url("tiny-sdxl-diffusers").path).family, .sdxl)
        XCTAssertEqual(InProcessEngine.model(at: Fixtures.url("tiny-sd15.safetensors").path).family, .sd1)
        let pony = try Fixtures.temporaryDirectory("easel-engine-model").appendingPathComponent("xl.safetensors")
        try SafeTensorsMetadataCopy.write(from: Fixtures.url("tiny-sdxl-fp16.safetensors"), to: pony,
                                          metadata: ["modelspec.title": "Pony Diffusion V6 XL"])
        let model = InProcessEngine.model(at: pony.path)
        XCTAssertEqual(model.title, "Pony Diffusion V6 XL")
        // A model known only by its path gets the same description when loaded.
        let bare = InProcessEngine.described(.init(id: pony.path, name: "xl"))
        XCTAssertEqual([bare.family?.rawValue, bare.title], ["sdxl", "Pony Diffusion V6 XL"])
    }
}
