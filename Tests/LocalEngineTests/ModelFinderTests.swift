import Foundation
import TestSupport
import XCTest
@testable import LocalEngine

/// The model picker lists only what the in-process engine loads. Expected lists come from
/// `../shared/fixtures/README.md`, which says what each fixture file is.
final class ModelFinderTests: XCTestCase {
    func testListsOnlyLoadableCheckpointsAmongTheFixtures() {
        let found = ModelFinder.find(in: [Fixtures.root], including: nil).map { URL(fileURLWithPath: $0).lastPathComponent }
        // SD 1.x and SDXL in every form; not the noise file `randn` or the adapters folder (LoRAs
        // and embeddings, no model_index.json).
        XCTAssertEqual(found, ["tiny-sd15-diffusers", "tiny-sd15-fp16.safetensors", "tiny-sd15.safetensors",
                               "tiny-sdxl-diffusers", "tiny-sdxl-fp16.safetensors", "tiny-sdxl.safetensors"])
    }

    func testSkipsPicklesAndFilesThatAreNotCheckpoints() throws {
        let folder = try Fixtures.temporaryDirectory("easel-finder")
        try Data("not a pickle either".utf8).write(to: folder.appendingPathComponent("old.ckpt"))
        try Data([1, 2, 3]).write(to: folder.appendingPathComponent("broken.safetensors"))
        try FileManager.default.copyItem(at: Fixtures.url("tiny-sd15.safetensors"),
                                         to: folder.appendingPathComponent("mine.safetensors"))
        let found = ModelFinder.find(in: [folder], including: nil).map { URL(fileURLWithPath: $0).lastPathComponent }
        XCTAssertEqual(found, ["mine.safetensors"])
    }
}
