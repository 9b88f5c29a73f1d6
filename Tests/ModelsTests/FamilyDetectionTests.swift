import Catalog
import Foundation
@testable import Models
import SafeTensors
import TestSupport
import XCTest

/// Families from key names and shapes alone, on header-only files written here. The marker keys
/// and widths are those of ComfyUI `comfy/model_detection.py` / `supported_models.py` and
/// stable-diffusion.cpp `model.cpp` `get_sd_version` (9-channel inpainting, 8-channel
/// InstructPix2Pix, 2560-wide refiner `y`, `conditioner.embedders.1` for SDXL base).
final class FamilyDetectionTests: XCTestCase {
    private let unet = "model.diffusion_model."

    private func family(_ keys: [(String, [Int])]) throws -> CheckpointFamily {
        try ArchitectureDetector.family(ofSingleFileKeys: Dictionary(uniqueKeysWithValues: keys), file: "m.safetensors")
    }

    private func write(_ keys: [(String, [Int])]) throws -> URL {
        try writeHeaderOnlyFile(keys, name: "model.safetensors", folder: "easel-family")
    }

    private func convIn(_ channels: Int) -> (String, [Int]) { (unet + "input_blocks.0.0.weight", [32, channels, 3, 3]) }
    private let clipL = ("cond_stage_model.transformer.text_model.embeddings.token_embedding.weight", [49408, 768])
    private let sdxlBigG = ("conditioner.embedders.1.model.ln_final.weight", [1280])
    private let sdxlClipL = ("conditioner.embedders.0.transformer.text_model.final_layer_norm.weight", [768])

    func testUNetFamiliesFromSingleFileKeys() throws {
        XCTAssertEqual(try family([convIn(4), clipL]), .sd1)
        XCTAssertEqual(try family([convIn(9), clipL]), .sd1Inpainting)
        XCTAssertEqual(try family([convIn(8), clipL]), .instructPix2Pix)
        XCTAssertEqual(try family([convIn(4), ("cond_stage_model.model.ln_final.weight", [1024])]), .sd2)
        XCTAssertEqual(try family([convIn(5), ("cond_stage_model.model.ln_final.weight", [1024])]), .sd2Depth)
        // SD 2.x text encoders saved in transformers names are 1024 wide.
        XCTAssertEqual(try family([convIn(4), ("cond_stage_model.transformer.text_model.embeddings.token_embedding.weight",
                                               [49408, 1024])]), .sd2)
        XCTAssertEqual(try family([convIn(4), sdxlClipL, sdxlBigG, (unet + "label_emb.0.0.weight", [1280, 2816])]), .sdxl)
        XCTAssertEqual(try family([convIn(9), sdxlClipL, sdxlBigG, (unet + "label_emb.0.0.weight", [1280, 2816])]),
                       .sdxlInpainting)
        XCTAssertEqual(try family([convIn(4), ("conditioner.embedders.0.model.ln_final.weight", [1280]),
                                   (unet + "label_emb.0.0.weight", [1536, 2560])]), .sdxlRefiner)
    }

    func testTransformerFamiliesAndOtherKinds() throws {
        XCTAssertEqual(try family([(unet + "joint_blocks.0.context_block.attn.qkv.weight", [2])]), .sd3)
        XCTAssertEqual(try family([(unet + "double_blocks.0.img_attn.qkv.weight", [2])]), .flux)
        XCTAssertEqual(try family([("single_transformer_blocks.0.attn.to_q.weight", [2])]), .flux)
        let refusals: [([(String, [Int])], CheckpointError)] = [
            ([("lora_te1_text_model_encoder_layers_0_mlp_fc1.lora_up.weight", [8, 4])],
             .notACheckpoint(file: "m.safetensors", kind: "a LoRA")),
            ([("string_to_param.*", [1, 768])], .notACheckpoint(file: "m.safetensors", kind: "a textual-inversion embedding")),
            ([("emb_params", [1, 768])], .notACheckpoint(file: "m.safetensors", kind: "a textual-inversion embedding")),
            ([("decoder.conv_in.weight", [8, 4, 3, 3])], .notACheckpoint(file: "m.safetensors", kind: "a standalone VAE")),
        ]
        for (keys, expected) in refusals {
            XCTAssertThrowsError(try family(keys)) { XCTAssertEqual($0 as? CheckpointError, expected) }
        }
    }

    /// The probe needs only names and shapes (these files' tensors are zeros).
    func testProbeOnHeaderOnlyFiles() throws {
        XCTAssertEqual(try ArchitectureDetector.probe(write([(unet + "double_blocks.0.img_attn.qkv.weight", [2])])), .flux)
        XCTAssertEqual(try ArchitectureDetector.probe(write([(unet + "joint_blocks.0.x_block.attn.qkv.weight", [2])])), .sd3)
        XCTAssertThrowsError(try ArchitectureDetector.probe(write([("lora_unet_x.lora_down.weight", [4, 8])]))) {
            XCTAssertEqual($0 as? CheckpointError, .notACheckpoint(file: "model.safetensors", kind: "a LoRA"))
        }
        let ckpt = try Fixtures.temporaryDirectory("easel-family").appendingPathComponent("model.ckpt")
        try Data([0x80, 0x02, 0x8A, 0x0A]).write(to: ckpt)
        XCTAssertThrowsError(try ArchitectureDetector.probe(ckpt)) {
            XCTAssertEqual($0 as? CheckpointError, .pickle(file: "model.ckpt"))
        }
        // A family-marked file with no UNet structure is refused rather than listed.
        XCTAssertThrowsError(try ArchitectureDetector.probe(write([convIn(9), clipL])))
    }

    /// SD 1.x, SDXL and their 9-channel inpainting variants load; every other family gets the
    /// one "not supported yet" line.
    func testOnlySD1SDXLAndTheirInpaintingVariantsAreLoadable() throws {
        let loadable: [CheckpointFamily] = [.sd1, .sd1Inpainting, .sdxl, .sdxlInpainting]
        for family in loadable { XCTAssertNoThrow(try ArchitectureDetector.requireLoadable(family, file: "a")) }
        for family in CheckpointFamily.allCases where !loadable.contains(family) {
            XCTAssertThrowsError(try ArchitectureDetector.requireLoadable(family, file: "a")) {
                XCTAssertEqual($0 as? CheckpointError, .unsupportedFamily(file: "a", family: family.displayName))
            }
        }
    }

    func testAttentionHeadRules() {
        XCTAssertEqual(AttentionHeads.count(8).heads(forChannels: 320), 8)
        XCTAssertEqual(AttentionHeads.width(64).heads(forChannels: 1280), 20)
        XCTAssertNil(AttentionHeads.width(64).heads(forChannels: 96))
        XCTAssertNil(AttentionHeads.count(8).heads(forChannels: 12))
    }
}
