import Foundation
import Models
import TestSupport
import XCTest

/// Bad adapter input gets one line naming the file and is never applied or executed
/// (`tiny-sd15-adapters/bad/`, fixture README; plus hand-made broken files).
final class AdapterRefusalTests: XCTestCase {
    let bad = Fixtures.url("tiny-sd15-adapters/bad")

    private func assertOneLine(_ error: Error, contains text: String, file: StaticString = #filePath, line: UInt = #line) {
        let message = String(describing: error)
        XCTAssertTrue(message.contains(text), message, file: file, line: line)
        XCTAssertFalse(message.contains("\n"), message, file: file, line: line)
    }

    /// `pwn.pt` calls `os.system("touch /tmp/easel-pwned")` when unpickled; the reader refuses
    /// its only global and the marker file never appears.
    func testPicklePayloadIsRefusedAndNeverRuns() throws {
        let marker = "/tmp/easel-pwned"
        try? FileManager.default.removeItem(atPath: marker)
        XCTAssertThrowsError(try TextualInversionEmbedding(contentsOf: bad.appendingPathComponent("pwn.pt"), width: 64)) {
            assertOneLine($0, contains: "pwn.pt: global 'posix.system' is not allowed")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker))
    }

    func testEmbeddingOfTheWrongWidthIsRefused() {
        XCTAssertThrowsError(try TextualInversionEmbedding(contentsOf: bad.appendingPathComponent("wrong-width.safetensors"), width: 64)) {
            assertOneLine($0, contains: "wrong-width.safetensors: embedding width 768 does not match the text encoder's 64")
        }
    }

    func testSDXLLoraIsRefusedForSD1() throws {
        let model = try AdapterMergeTests.model()
        let network = try AdapterNetwork(url: bad.appendingPathComponent("sdxl-only.safetensors"))
        XCTAssertThrowsError(try model.binding.resolve(network)) {
            assertOneLine($0, contains: "sdxl-only.safetensors: made for SDXL; the loaded model is SD 1.x")
        }
    }

    func testCorruptFilesAreRefused() throws {
        let folder = try Fixtures.temporaryDirectory("easel-adapters")
        let lora = folder.appendingPathComponent("broken.safetensors"), pt = folder.appendingPathComponent("broken.pt")
        try Data((0..<200).map { UInt8($0 % 7) }).write(to: lora)
        try Data([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]).write(to: pt)
        XCTAssertThrowsError(try AdapterNetwork(url: lora)) { assertOneLine($0, contains: "broken.safetensors: not a readable safetensors file") }
        XCTAssertThrowsError(try TextualInversionEmbedding(contentsOf: pt, width: 64)) { assertOneLine($0, contains: "broken.pt: not a torch zip archive") }
    }

    /// A module whose ΔW does not fit its layer refuses the whole network, before any weight
    /// is touched.
    func testMismatchedShapesAreRefused() throws {
        var writer = SafeTensorsWriter()
        writer.add("lora_unet_input_blocks_1_1_proj_in.lora_down.weight", shape: [4, 17, 1, 1])
        writer.add("lora_unet_input_blocks_1_1_proj_in.lora_up.weight", shape: [32, 4, 1, 1])
        writer.add("lora_unet_input_blocks_1_1_proj_in.alpha", shape: [])
        let url = try Fixtures.temporaryDirectory("easel-adapters").appendingPathComponent("mismatch.safetensors")
        try writer.data().write(to: url)
        let model = try AdapterMergeTests.model()
        XCTAssertThrowsError(try model.binding.resolve(try AdapterNetwork(url: url))) {
            assertOneLine($0, contains: "mismatch.safetensors: lora_unet_input_blocks_1_1_proj_in: ΔW 32 × 17 does not fit input_blocks.1.1.proj_in.weight [32, 32, 1, 1]")
        }
        XCTAssertEqual(model.binding.patcher.textSignature, "")
    }

    /// Keys of no module kind Easel reads, and modules naming no layer, are counted.
    func testUnknownKeysAndModulesAreCounted() throws {
        var writer = SafeTensorsWriter()
        writer.add("lora_unet_input_blocks_1_1_proj_in.lora_down.weight", shape: [4, 32, 1, 1])
        writer.add("lora_unet_input_blocks_1_1_proj_in.lora_up.weight", shape: [32, 4, 1, 1])
        writer.add("lora_unet_input_blocks_1_1_proj_in.dora_scale", shape: [32, 1, 1, 1])
        writer.add("lora_unet_no_such_block.lora_down.weight", shape: [4, 32])
        writer.add("lora_unet_no_such_block.lora_up.weight", shape: [32, 4])
        let url = try Fixtures.temporaryDirectory("easel-adapters").appendingPathComponent("partial.safetensors")
        try writer.data().write(to: url)
        let resolved = try AdapterMergeTests.model().binding.resolve(try AdapterNetwork(url: url))
        XCTAssertEqual(resolved.unmatchedModules, ["lora_unet_no_such_block"])
        XCTAssertEqual(resolved.unreadKeys, ["lora_unet_input_blocks_1_1_proj_in.dora_scale"])
    }
}
