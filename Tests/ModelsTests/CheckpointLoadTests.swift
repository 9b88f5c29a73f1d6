import Foundation
import Models
import SafeTensors
import TestSupport
import XCTest

/// The three fixture forms of the tiny SD 1.5 model (see the fixtures README): the A1111
/// single file in fp32 and fp16, and the diffusers folder. Their values were rounded to fp16
/// before saving, so all three must give bit-identical weights under every canonical key.
final class CheckpointLoadTests: XCTestCase {
    static let forms = ["tiny-sd15.safetensors", "tiny-sd15-fp16.safetensors", "tiny-sd15-diffusers"]

    private func load(_ form: String) throws -> StableDiffusionCheckpoint {
        try StableDiffusionCheckpoint.load(Fixtures.url(form))
    }

    /// Expected values from the fixture README: UNet widths (32, 32, 64, 64), CrossAttnDownBlock2D
    /// ×3 then DownBlock2D, 2 resnets per down block, 8 heads, cross-attention width 64; VAE
    /// widths (32, 32, 64, 64) with 4 latent channels; CLIP hidden 64, 3 layers, 1 head of 64,
    /// the full 49408-token vocabulary. Intermediate size 256 is `text_encoder/config.json`'s.
    func testDetectedConfigsMatchTheFixtureREADME() throws {
        var unet = UNetConfig()
        unet.modelChannels = 32
        unet.channelMult = [1, 1, 2, 2]
        unet.numResBlocks = 2
        unet.transformerDepth = [1, 1, 1, 0]
        unet.middleTransformerDepth = 1
        unet.heads = .count(8)
        unet.projection = .convolution
        unet.contextDim = 64
        var vae = VAEConfig()
        vae.channels = 32
        vae.channelMult = [1, 1, 2, 2]
        vae.numResBlocks = 2
        vae.latentChannels = 4
        var text = CLIPTextConfig()
        text.hiddenSize = 64
        text.numLayers = 3
        text.numHeads = 1
        text.intermediateSize = 256
        text.vocabSize = 49408
        text.maxPositions = 77
        for form in Self.forms {
            let checkpoint = try load(form)
            XCTAssertEqual(checkpoint.unetConfig, unet, form)
            XCTAssertEqual(checkpoint.vaeConfig, vae, form)
            XCTAssertEqual(checkpoint.textConfig, text, form)
            XCTAssertEqual(checkpoint.prediction, .epsilon, form)
        }
    }

    /// The same configs, checked against the diffusers `config.json` files written by
    /// diffusers/transformers themselves (SD 1.x's `attention_head_dim` holds the head count).
    func testDetectedConfigsMatchDiffusersConfigFiles() throws {
        let checkpoint = try load("tiny-sd15.safetensors")
        let unet = try jsonObject("tiny-sd15-diffusers/unet/config.json")
        let widths = unet["block_out_channels"] as! [Int]
        XCTAssertEqual(checkpoint.unetConfig.modelChannels, widths[0])
        XCTAssertEqual(checkpoint.unetConfig.channelMult, widths.map { $0 / widths[0] })
        XCTAssertEqual(checkpoint.unetConfig.numResBlocks, unet["layers_per_block"] as? Int)
        XCTAssertEqual(checkpoint.unetConfig.contextDim, unet["cross_attention_dim"] as? Int)
        XCTAssertEqual(checkpoint.unetConfig.heads, .count(try XCTUnwrap(unet["attention_head_dim"] as? Int)))
        XCTAssertEqual(checkpoint.unetConfig.inChannels, unet["in_channels"] as? Int)
        XCTAssertEqual(checkpoint.unetConfig.outChannels, unet["out_channels"] as? Int)
        let downTypes = unet["down_block_types"] as! [String]
        XCTAssertEqual(checkpoint.unetConfig.attentionLevels, downTypes.indices.filter { downTypes[$0].hasPrefix("CrossAttn") })

        let vae = try jsonObject("tiny-sd15-diffusers/vae/config.json")
        let vaeWidths = vae["block_out_channels"] as! [Int]
        XCTAssertEqual(checkpoint.vaeConfig.channels, vaeWidths[0])
        XCTAssertEqual(checkpoint.vaeConfig.channelMult, vaeWidths.map { $0 / vaeWidths[0] })
        XCTAssertEqual(checkpoint.vaeConfig.numResBlocks, vae["layers_per_block"] as? Int)
        XCTAssertEqual(checkpoint.vaeConfig.latentChannels, vae["latent_channels"] as? Int)

        let text = try jsonObject("tiny-sd15-diffusers/text_encoder/config.json")
        XCTAssertEqual(checkpoint.textConfig.hiddenSize, text["hidden_size"] as? Int)
        XCTAssertEqual(checkpoint.textConfig.numLayers, text["num_hidden_layers"] as? Int)
        XCTAssertEqual(checkpoint.textConfig.numHeads, text["num_attention_heads"] as? Int)
        XCTAssertEqual(checkpoint.textConfig.intermediateSize, text["intermediate_size"] as? Int)
        XCTAssertEqual(checkpoint.textConfig.vocabSize, text["vocab_size"] as? Int)
        XCTAssertEqual(checkpoint.textConfig.maxPositions, text["max_position_embeddings"] as? Int)
    }

    func testAllThreeFormsLoadIdenticalWeights() throws {
        let checkpoints = try Self.forms.map(load)
        let reference = checkpoints[0]
        for (form, checkpoint) in zip(Self.forms, checkpoints).dropFirst() {
            for (name, expected, actual) in [("UNet", reference.unet, checkpoint.unet),
                                             ("VAE", reference.vae, checkpoint.vae),
                                             ("text", reference.text, checkpoint.text)] {
                XCTAssertEqual(expected.keys, actual.keys, "\(form) \(name) keys")
                for key in expected.keys {
                    let a = try expected.tensor(key), b = try actual.tensor(key)
                    XCTAssertEqual(a.shape, b.shape, "\(form) \(key)")
                    XCTAssertTrue(a.values == b.values, "\(form) \(key) differs")
                }
            }
        }
        // 684 UNet, 244 VAE and 52 text tensors in the diffusers files (their headers).
        XCTAssertEqual(reference.unet.keys.count, 684)
        XCTAssertEqual(reference.vae.keys.count, 244)
        XCTAssertEqual(reference.text.keys.count, 52)
    }

    func testLayoutAndTokenizerDirectory() throws {
        let single = try load("tiny-sd15.safetensors")
        XCTAssertEqual(single.layout, .singleFile)
        XCTAssertNil(single.tokenizerDirectory)
        let folder = try load("tiny-sd15-diffusers")
        XCTAssertEqual(folder.layout, .diffusers)
        XCTAssertEqual(folder.tokenizerDirectory?.lastPathComponent, "tokenizer")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.tokenizerDirectory!.appendingPathComponent("vocab.json").path))
    }

    func testCanonicalNamesFromTheWeightTableContract() throws {
        let checkpoint = try load("tiny-sd15-diffusers")
        XCTAssertEqual(try checkpoint.unet.tensor("input_blocks.1.1.transformer_blocks.0.attn1.to_q.weight").shape, [32, 32])
        XCTAssertEqual(try checkpoint.vae.tensor("decoder.up.0.block.0.conv1.weight").shape, [32, 32, 3, 3])
        XCTAssertEqual(try checkpoint.vae.tensor("post_quant_conv.weight").shape, [4, 4, 1, 1])
        // Linear [C, C] in diffusers, 1×1 convolution in LDM naming.
        XCTAssertEqual(try checkpoint.vae.tensor("encoder.mid.attn_1.q.weight").shape, [64, 64, 1, 1])
        XCTAssertEqual(checkpoint.vae.fileKey("encoder.mid.attn_1.q.weight"), "encoder.mid_block.attentions.0.to_q.weight")
        XCTAssertEqual(try checkpoint.text.tensor("encoder.layers.0.self_attn.q_proj.weight").shape, [64, 64])
        XCTAssertEqual(try checkpoint.text.tensor("embeddings.token_embedding.weight").shape, [49408, 64])
        XCTAssertEqual(try checkpoint.text.tensor("final_layer_norm.weight").shape, [64])
        XCTAssertFalse(try load("tiny-sd15.safetensors").text.contains("embeddings.position_ids"))
    }

    func testMissingTensorNamesTheKeyAsSpelledInTheFile() throws {
        let single = try load("tiny-sd15.safetensors")
        XCTAssertThrowsError(try single.unet.tensor("output_blocks.11.1.transformer_blocks.1.attn1.to_q.weight")) {
            XCTAssertEqual("\($0)", "tiny-sd15.safetensors: missing tensor "
                + "'model.diffusion_model.output_blocks.11.1.transformer_blocks.1.attn1.to_q.weight'")
        }
        let folder = try load("tiny-sd15-diffusers")
        XCTAssertThrowsError(try folder.unet.tensor("output_blocks.11.1.transformer_blocks.1.attn1.to_q.weight")) {
            XCTAssertEqual("\($0)", "tiny-sd15-diffusers/unet/diffusion_pytorch_model.safetensors: missing tensor "
                + "'up_blocks.3.attentions.2.transformer_blocks.1.attn1.to_q.weight'")
        }
        XCTAssertThrowsError(try folder.text.tensor("encoder.layers.7.mlp.fc1.weight")) {
            XCTAssertEqual("\($0)", "tiny-sd15-diffusers/text_encoder/model.safetensors: missing tensor "
                + "'text_model.encoder.layers.7.mlp.fc1.weight'")
        }
    }

    func testShapeMismatchNamesTheFileKey() throws {
        let checkpoint = try load("tiny-sd15-fp16.safetensors")
        XCTAssertThrowsError(try checkpoint.unet.tensor("out.2.weight", shape: [4, 32, 1, 1])) {
            XCTAssertEqual($0 as? CheckpointError, .shapeMismatch(file: "tiny-sd15-fp16.safetensors",
                                                                  key: "model.diffusion_model.out.2.weight",
                                                                  shape: [4, 32, 3, 3], expected: [4, 32, 1, 1]))
        }
        XCTAssertEqual(try checkpoint.unet.tensor("out.2.weight", shape: [4, 32, 3, 3]).shape, [4, 32, 3, 3])
    }

    private func jsonObject(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Fixtures.data(path)) as! [String: Any]
    }
}
