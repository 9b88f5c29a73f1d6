import Foundation
import Imaging
import TestSupport
import XCTest

/// `easel info MODEL` describes SDXL (every form), a Pony file with civitai/modelspec metadata,
/// and families Easel cannot render. Expected values come from the fixtures README
/// ("tiny-sdxl*").
final class ModelInfoCLITests: XCTestCase {
    private var work: URL!
    override func setUpWithError() throws { work = try Fixtures.temporaryDirectory("easel-model-info") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    private func info(_ path: String) throws -> [String: String] {
        let result = try EaselProcess.run(["info", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        var lines: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            lines[String(parts[0])] = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        }
        return lines
    }

    func testDescribesEveryFormOfTheSDXLFixture() throws {
        for (form, dtype) in [("tiny-sdxl.safetensors", "F32 (951 tensors), I64 (1 tensor)"),
                              ("tiny-sdxl-fp16.safetensors", "F16 (951 tensors), I64 (1 tensor)"),
                              ("tiny-sdxl-diffusers", "F16 (963 tensors)")] {
            let lines = try info(Fixtures.url(form).path)
            XCTAssertEqual(lines["family"], "SDXL (sdxl)", form)
            XCTAssertEqual(lines["UNet"], "widths [32, 64, 64], 2 ResBlocks per level, transformer depth [0, 1, 2] (middle 2), "
                           + "heads 64 wide, linear projections, context 128, in/out channels 4/4, y width 1600", form)
            XCTAssertEqual(lines["text encoder 2"], "width 64, 3 layers, 1 heads, MLP 256, gelu, pooled projection 64", form)
            XCTAssertEqual(lines["VAE"]?.hasSuffix("scale 0.13025, decodes in fp32"), true, form)
            XCTAssertEqual(lines["dtype"], dtype, form)
        }
    }

    private func ponyFile() throws -> URL {
        let pony = work.appendingPathComponent("tiny-xl-v6.safetensors")
        try SafeTensorsMetadataCopy.write(from: Fixtures.url("tiny-sdxl-fp16.safetensors"), to: pony, metadata: [
            "modelspec.title": "Pony Diffusion V6 XL", "modelspec.trigger_phrase": "score_9, score_8_up",
            "modelspec.architecture": "stable-diffusion-xl-v1-base",
        ])
        return pony
    }

    func testDescribesAPonyFileWithItsMetadata() throws {
        let lines = try info(try ponyFile().path)
        XCTAssertEqual(lines["family"], "SDXL (sdxl)")
        XCTAssertEqual(lines["name"], "Pony Diffusion V6 XL")
        XCTAssertEqual(lines["trigger words"], "score_9, score_8_up")
        XCTAssertEqual(lines["modelspec.architecture"], "stable-diffusion-xl-v1-base")
    }

    func testDescribesFamiliesItCannotRender() throws {
        var flux = SafeTensorsWriter()
        flux.add("double_blocks.0.img_attn.qkv.weight", dtype: "BF16", shape: [4, 2], bytes: [UInt8](repeating: 0, count: 16))
        let fluxURL = work.appendingPathComponent("flux1-dev.safetensors")
        try flux.write(to: fluxURL)
        XCTAssertEqual(try info(fluxURL.path)["family"], "FLUX (flux); Easel cannot render it yet")
        XCTAssertEqual(try info(fluxURL.path)["dtype"], "BF16 (1 tensor)")
        let lora = work.appendingPathComponent("lora.safetensors")
        var writer = SafeTensorsWriter()
        writer.add("lora_unet_down_blocks_0_attentions_0_proj_in.lora_down.weight", shape: [4, 8])
        try writer.write(to: lora)
        let refused = try EaselProcess.run(["info", lora.path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr.split(separator: "\n").count, 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("a LoRA"), refused.stderr)
    }
}
