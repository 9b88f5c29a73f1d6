import Catalog
import EngineAPI
import Foundation
import LocalEngine
import TestSupport
import XCTest

/// Issue 14: what the workbench's LoRA and embedding browser lists for the fixture folders.
/// Expected facts come from the fixture files themselves, read with Python (`json.loads` of the
/// safetensors header) and from `../shared/fixtures/README.md`: tinylora-ldm's metadata holds
/// `ss_base_model_version: sd_v1`, `ss_output_name: tiny_detail_v1` and
/// `ss_tag_frequency {"10_tinydetail": {"tinydetail": 10, "1girl": 7, "solo": 5}}`, and it has
/// two 3×3 LoCon convs; sdxl-only says `sdxl_base_v1-0`; easynegative is `emb_params` [3, 64],
/// old-style.pt `string_to_param` [2, 64]; sizes are `ls -l`.
final class AdapterCatalogTests: XCTestCase {
    let adapters = Fixtures.url("tiny-sd15-adapters")

    func testTheFixtureFoldersAreListedWithFamilyTriggersAndSize() throws {
        let files = AdapterCatalog.list(loraFolders: [adapters.appendingPathComponent("loras"), adapters.appendingPathComponent("bad")],
                                        embeddingFolders: [adapters.appendingPathComponent("embeddings")])
        func file(_ name: String) throws -> AdapterFile { try XCTUnwrap(files.first { $0.name == name }, name) }
        let ldm = try file("tinylora-ldm")
        XCTAssertEqual(ldm.kind, .lora)
        XCTAssertEqual(ldm.alias, "tiny_detail_v1")
        XCTAssertEqual(ldm.family, .sd1)
        XCTAssertEqual(ldm.format, "LoCon")
        XCTAssertEqual(ldm.triggers, ["tinydetail", "1girl", "solo"])
        XCTAssertEqual(ldm.bytes, 29612)
        XCTAssertNil(ldm.problem)
        XCTAssertEqual(try file("tinyloha").format, "LoHa")
        XCTAssertEqual(try file("tinylokr").format, "LoKr")
        XCTAssertEqual(try file("sdxl-only").family, .sdxl)
        // No metadata and 64-wide tiny layers: nothing says which family.
        XCTAssertNil(try file("tinylora-peft").family)
        let easy = try file("easynegative")
        XCTAssertEqual(easy.kind, .embedding)
        XCTAssertEqual(easy.vectors, 3)
        XCTAssertEqual(easy.bytes, 848)
        XCTAssertEqual(try file("old-style").vectors, 2)
        XCTAssertEqual(try file("tiny-concept").vectors, 1)
        // The code-carrying pickle is listed with its refusal (and never run).
        let pwn = try file("pwn")
        XCTAssertNotNil(pwn.problem)
    }

    /// Without metadata the family comes from the cross-attention context width the `attn2`
    /// key projection reads: 2048 is SDXL's (`sd_xl_base.yaml` `context_dim: 2048`), 768 SD 1.x's
    /// (`v1-inference.yaml`).
    func testTheFamilyFollowsTheContextWidthWithoutMetadata() throws {
        let folder = try Fixtures.temporaryDirectory()
        for (name, width) in [("xl", 2048), ("v1", 768)] {
            var writer = SafeTensorsWriter()
            let module = "lora_unet_input_blocks_4_1_transformer_blocks_0_attn2_to_k"
            writer.add(module + ".lora_down.weight", shape: [4, width], floats: Array(repeating: 0, count: 4 * width))
            writer.add(module + ".lora_up.weight", shape: [8, 4], floats: Array(repeating: 0, count: 32))
            try writer.write(to: folder.appendingPathComponent("\(name).safetensors"))
        }
        let files = AdapterCatalog.list(loraFolders: [folder], embeddingFolders: [])
        XCTAssertEqual(files.first { $0.name == "xl" }?.family, .sdxl)
        XCTAssertEqual(files.first { $0.name == "v1" }?.family, .sd1)
        XCTAssertEqual(files.first { $0.name == "v1" }?.triggers, [])
    }
}
