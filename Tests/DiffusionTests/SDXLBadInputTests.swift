import Foundation
import Models
import SafeTensors
import TestSupport
import XCTest
@testable import Diffusion

/// Broken SDXL files are refused while loading with one line naming the file and the tensor,
/// and nothing crashes. Each file is the tiny SDXL fixture with one thing changed.
final class SDXLBadInputTests: XCTestCase {
    private var folder: URL!
    override func setUpWithError() throws { folder = try Fixtures.temporaryDirectory("easel-sdxl-bad") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// The fixture's float tensors rewritten as F32, with `change` applied to the (name, shape,
    /// values) list first.
    private func variant(_ name: String, _ change: (inout [(String, [Int], [Float])]) -> Void) throws -> URL {
        let source = try SafeTensorsFile(url: Fixtures.url("tiny-sdxl.safetensors"))
        var tensors: [(String, [Int], [Float])] = try source.names.compactMap { key in
            guard let tensor = try? source.tensor(key) else { return nil }               // int64 position_ids
            return (key, tensor.shape, tensor.values)
        }
        change(&tensors)
        var writer = SafeTensorsWriter()
        for (key, shape, values) in tensors { writer.add(key, shape: shape, floats: values) }
        let url = folder.appendingPathComponent(name)
        try writer.write(to: url)
        return url
    }

    private func loadError(_ url: URL) -> String {
        do {
            _ = try StableDiffusionPipeline.load(url, precision: .fp32)
            return "(loaded)"
        } catch {
            return "\(error)"
        }
    }

    func testTruncatedFileNamesTheFileAndTensor() throws {
        let bytes = try Data(contentsOf: Fixtures.url("tiny-sdxl.safetensors"))
        let url = folder.appendingPathComponent("truncated.safetensors")
        try bytes.prefix(bytes.count / 2).write(to: url)
        let message = loadError(url)
        XCTAssertTrue(message.hasPrefix("truncated.safetensors: "), message)
        XCTAssertFalse(message.contains("\n"), message)
        print("refusal truncated: \(message)")
    }

    func testBigGWithoutAnInProjNamesTheTensor() throws {
        let missing = "conditioner.embedders.1.model.transformer.resblocks.1.attn.in_proj_weight"
        let url = try variant("no-in-proj.safetensors") { $0.removeAll { $0.0 == missing } }
        let message = loadError(url)
        XCTAssertTrue(message.hasPrefix("no-in-proj.safetensors: "), message)
        XCTAssertTrue(message.contains(missing), message)
        XCTAssertFalse(message.contains("\n"), message)
        print("refusal in_proj: \(message)")
    }

    /// y must be the pooled width (64) + 6 × 256 = 1600; a 1700-wide `label_emb` matches no rule.
    func testYWidthThatMatchesNoRuleNamesTheTensor() throws {
        let key = "model.diffusion_model.label_emb.0.0.weight"
        let url = try variant("wide-y.safetensors") { tensors in
            guard let index = tensors.firstIndex(where: { $0.0 == key }) else { return }
            tensors[index] = (key, [128, 1700], [Float](repeating: 0.01, count: 128 * 1700))
        }
        let message = loadError(url)
        XCTAssertEqual(message, "wide-y.safetensors: cannot detect the UNet architecture: tensor '\(key)' takes a y of "
                       + "width 1700, but SDXL's y is the pooled 64 + 6 × 256 = 1600")
        print("refusal y: \(message)")
    }
}
