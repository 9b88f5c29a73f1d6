import Foundation
@testable import Models
import SafeTensors
import TestSupport
import XCTest

/// Files and folders that are not SD 1.x checkpoints, built small by hand with the keys that
/// mark each family (ComfyUI `model_detection.py` / diffusers `single_file_utils.py` markers).
final class CheckpointRejectionTests: XCTestCase {
    private func file(_ keys: [(String, [Int])], name: String = "model.safetensors") throws -> URL {
        try writeHeaderOnlyFile(keys, name: name, folder: "easel-checkpoint")
    }

    private func assertLoadFails(_ url: URL, _ expected: CheckpointError, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try StableDiffusionCheckpoint.load(url), file: file, line: line) { error in
            XCTAssertEqual(error as? CheckpointError, expected, "\(error)", file: file, line: line)
        }
    }

    func testOtherFamiliesByKey() throws {
        let cases: [(String, String)] = [
            ("cond_stage_model.model.transformer.resblocks.0.attn.in_proj_weight", "SD 2.x"),
            ("model.diffusion_model.double_blocks.0.img_attn.qkv.weight", "FLUX"),
            ("double_blocks.0.img_attn.qkv.weight", "FLUX"),
            ("single_transformer_blocks.0.attn.to_q.weight", "FLUX"),
            ("model.diffusion_model.joint_blocks.0.x_block.attn.qkv.weight", "SD3"),
        ]
        for (key, family) in cases {
            let url = try file([("model.diffusion_model.input_blocks.0.0.weight", [4, 4, 3, 3]), (key, [2])])
            assertLoadFails(url, .unsupportedFamily(file: "model.safetensors", family: family))
        }
        // The refiner: one OpenCLIP embedder and a 2560-wide y (ComfyUI `SDXLRefiner`).
        let refiner = try file([("conditioner.embedders.0.model.ln_final.weight", [2]),
                                ("model.diffusion_model.label_emb.0.0.weight", [1536, 2560])], name: "refiner.safetensors")
        XCTAssertThrowsError(try StableDiffusionCheckpoint.load(refiner)) {
            XCTAssertEqual("\($0)", "refiner.safetensors: model family SDXL refiner is not supported yet (Easel runs SD 1.x and SDXL)")
        }
    }

    func testOtherKindsOfFile() throws {
        assertLoadFails(try file([("lora_unet_down_blocks_0_attentions_0_proj_in.lora_down.weight", [4, 8])]),
                        .notACheckpoint(file: "model.safetensors", kind: "a LoRA"))
        assertLoadFails(try file([("encoder.conv_in.weight", [8, 3, 3, 3]), ("decoder.conv_in.weight", [8, 4, 3, 3])]),
                        .notACheckpoint(file: "model.safetensors", kind: "a standalone VAE"))
        assertLoadFails(try file([("down_blocks.0.resnets.0.conv1.weight", [4, 4, 3, 3])]),
                        .unrecognised(file: "model.safetensors", detail: "it is one part of a diffusers folder; open the folder instead"))
        assertLoadFails(try file([("weight", [2])]),
                        .unrecognised(file: "model.safetensors", detail: "no UNet keys (model.diffusion_model.*)"))
    }

    func testMissingComponent() throws {
        let url = try file([("model.diffusion_model.input_blocks.0.0.weight", [4, 4, 3, 3]),
                            ("cond_stage_model.transformer.text_model.final_layer_norm.weight", [8])])
        assertLoadFails(url, .missingComponent(file: "model.safetensors", detail: "no VAE weights (no keys under 'first_stage_model.')"))
    }

    /// InstructPix2Pix UNets take 4 latent + 4 image-latent channels; Easel does not run them
    /// (9-channel inpainting models load: `InpaintingModelTests` in DiffusionTests).
    func testInstructPix2PixIsRejected() throws {
        let url = try file([("model.diffusion_model.input_blocks.0.0.weight", [32, 8, 3, 3]),
                            ("first_stage_model.encoder.conv_in.weight", [32, 3, 3, 3]),
                            ("cond_stage_model.transformer.text_model.final_layer_norm.weight", [64])])
        assertLoadFails(url, .unsupportedFamily(file: "model.safetensors", family: "InstructPix2Pix"))
    }

    func testPickleFiles() throws {
        let directory = try Fixtures.temporaryDirectory("easel-checkpoint")
        let ckpt = directory.appendingPathComponent("model.ckpt")
        try Data([0x80, 0x02, 0x8A, 0x0A]).write(to: ckpt)
        assertLoadFails(ckpt, .pickle(file: "model.ckpt"))
        // A torch zip archive renamed to .safetensors.
        let renamed = directory.appendingPathComponent("renamed.safetensors")
        try Data([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 60)).write(to: renamed)
        assertLoadFails(renamed, .pickle(file: "renamed.safetensors"))
        XCTAssertTrue(CheckpointError.pickle(file: "a.ckpt").description.contains("convert it to .safetensors"))
    }

    func testVPredictionMarker() throws {
        let url = try file([("model.diffusion_model.input_blocks.0.0.weight", [32, 4, 3, 3]),
                            ("first_stage_model.encoder.conv_in.weight", [32, 3, 3, 3]),
                            ("cond_stage_model.transformer.text_model.final_layer_norm.weight", [64]),
                            ("v_pred", [])])
        XCTAssertEqual(try StableDiffusionCheckpoint.singleFileParts(url).prediction, .v)
    }

    // MARK: diffusers folders

    private func folder(pipeline: String, textWidth: Int = 64, prediction: String? = nil,
                        refinerUNet: Bool = false) throws -> URL {
        let root = try Fixtures.temporaryDirectory("easel-checkpoint").appendingPathComponent("pipe")
        for part in ["unet", "vae", "text_encoder", "scheduler"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(part), withIntermediateDirectories: true)
        }
        try Data(#"{"_class_name": "\#(pipeline)"}"#.utf8).write(to: root.appendingPathComponent("model_index.json"))
        if let prediction {
            try Data(#"{"prediction_type": "\#(prediction)"}"#.utf8)
                .write(to: root.appendingPathComponent("scheduler/scheduler_config.json"))
        }
        var unet = SafeTensorsWriter(), vae = SafeTensorsWriter(), text = SafeTensorsWriter()
        unet.add("conv_in.weight", shape: [32, 4, 3, 3])
        if refinerUNet { unet.add("add_embedding.linear_1.weight", shape: [1536, 2560]) }
        vae.add("encoder.conv_in.weight", shape: [32, 3, 3, 3])
        text.add("text_model.embeddings.token_embedding.weight", shape: [8, textWidth])
        try unet.write(to: root.appendingPathComponent("unet/diffusion_pytorch_model.fp16.safetensors"))
        try vae.write(to: root.appendingPathComponent("vae/diffusion_pytorch_model.safetensors"))
        try text.write(to: root.appendingPathComponent("text_encoder/model.safetensors"))
        return root
    }

    func testOtherPipelines() throws {
        // An SDXL pipeline folder loads, so one without its second text encoder names the gap.
        assertLoadFails(try folder(pipeline: "StableDiffusionXLPipeline"),
                        .missingComponent(file: "pipe/text_encoder_2", detail: "no model.safetensors"))
        assertLoadFails(try folder(pipeline: "StableDiffusionXLImg2ImgPipeline", refinerUNet: true),
                        .unsupportedFamily(file: "pipe/model_index.json", family: "SDXL refiner"))
        assertLoadFails(try folder(pipeline: "FluxPipeline"), .unsupportedFamily(file: "pipe/model_index.json", family: "FLUX"))
        assertLoadFails(try folder(pipeline: "KandinskyPipeline"),
                        .unsupportedFamily(file: "pipe/model_index.json", family: "KandinskyPipeline"))
    }

    /// SD 2.x diffusers folders share SD 1.x's class and key names; its OpenCLIP ViT-H text
    /// encoder is 1024 wide.
    func testSD2DiffusersFolderIsRejectedByShape() throws {
        assertLoadFails(try folder(pipeline: "StableDiffusionPipeline", textWidth: 1024),
                        .unsupportedFamily(file: "pipe/text_encoder/model.safetensors", family: "SD 2.x"))
    }

    func testDiffusersSchedulerPrediction() throws {
        XCTAssertEqual(try StableDiffusionCheckpoint.diffusersParts(folder(pipeline: "StableDiffusionPipeline",
                                                                           prediction: "v_prediction")).prediction, .v)
        let parts = try StableDiffusionCheckpoint.diffusersParts(folder(pipeline: "StableDiffusionPipeline"))
        XCTAssertEqual(parts.prediction, .epsilon)
        XCTAssertEqual(parts.unet.file.displayName, "pipe/unet/diffusion_pytorch_model.fp16.safetensors")
        XCTAssertThrowsError(try StableDiffusionCheckpoint.diffusersParts(folder(pipeline: "StableDiffusionPipeline",
                                                                                 prediction: "sample")))
    }

    func testDiffusersFolderProblems() throws {
        let root = try folder(pipeline: "StableDiffusionPipeline")
        try FileManager.default.removeItem(at: root.appendingPathComponent("vae/diffusion_pytorch_model.safetensors"))
        try Data([0x50, 0x4B, 0x03, 0x04]).write(to: root.appendingPathComponent("vae/diffusion_pytorch_model.bin"))
        assertLoadFails(root, .pickle(file: "pipe/vae/diffusion_pytorch_model.bin"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("vae/diffusion_pytorch_model.bin"))
        assertLoadFails(root, .missingComponent(file: "pipe/vae", detail: "no diffusion_pytorch_model.safetensors"))

        try FileManager.default.removeItem(at: root.appendingPathComponent("model_index.json"))
        assertLoadFails(root, .unrecognised(file: "pipe", detail: "a folder without model_index.json is not a diffusers pipeline"))
        try Data("[1, 2".utf8).write(to: root.appendingPathComponent("model_index.json"))
        assertLoadFails(root, .invalidConfig(file: "pipe/model_index.json", detail: "not a JSON object"))
    }

    func testNoSuchPath() {
        assertLoadFails(URL(fileURLWithPath: "/nonexistent/easel/model.safetensors"),
                        .missingComponent(file: "model.safetensors", detail: "no such file or folder"))
    }
}
