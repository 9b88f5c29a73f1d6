import Catalog
import Foundation
@testable import Models
import SafeTensors
import TestSupport
import XCTest

/// The tiny SDXL fixtures' architecture. Expected values come from the fixtures README
/// ("tiny-sdxl*": widths (32, 64, 64), depth per level [0, 1, 2], mid depth 2, head size 64,
/// linear proj_in/proj_out, context 128, y width 1600) and are cross-checked against the
/// diffusers folder's own `unet/config.json` and `text_encoder*/config.json`.
final class SDXLDetectionTests: XCTestCase {
    static let forms = ["tiny-sdxl.safetensors", "tiny-sdxl-fp16.safetensors", "tiny-sdxl-diffusers"]

    private func json(_ path: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.url(path))) as? [String: Any])
    }

    func testArchitectureMatchesTheFixtureREADME() throws {
        for form in Self.forms {
            let a = try ArchitectureDetector.detect(Fixtures.url(form))
            XCTAssertEqual(a.family, .sdxl, form)
            XCTAssertEqual(a.unet.modelChannels, 32, form)
            XCTAssertEqual(a.unet.channelMult, [1, 2, 2], form)
            XCTAssertEqual(a.unet.numResBlocks, 2, form)
            XCTAssertEqual(a.unet.transformerDepth, [0, 1, 2], form)
            XCTAssertEqual(a.unet.middleTransformerDepth, 2, form)
            XCTAssertEqual(a.unet.attentionLevels, [1, 2], form)
            XCTAssertEqual(a.unet.heads, .width(64), form)
            XCTAssertEqual(a.unet.projection, .linear, form)
            XCTAssertEqual(a.unet.contextDim, 128, form)
            XCTAssertEqual(a.unet.admInChannels, 1600, form)
            XCTAssertEqual(a.textEncoders.map(\.hiddenSize), [64, 64], form)
            XCTAssertEqual(a.textEncoders.map(\.numLayers), [3, 3], form)
            XCTAssertEqual(a.textEncoders.map(\.numHeads), [1, 1], form)
            XCTAssertEqual(a.contextWidth, 128, form)
            XCTAssertEqual(a.vae.channelMult, [1, 1, 1, 1], form)
            XCTAssertEqual(a.vae.latentChannels, 4, form)
            XCTAssertEqual(a.latent, .sdxl, form)
            XCTAssertEqual(a.prediction, .epsilon, form)
        }
    }

    /// The same facts from diffusers' configs: heads per level are `attention_head_dim` (diffusers'
    /// name for the head count), so the head width is the level width over it.
    func testArchitectureMatchesTheDiffusersConfigs() throws {
        let unet = try json("tiny-sdxl-diffusers/unet/config.json")
        let a = try ArchitectureDetector.detect(Fixtures.url("tiny-sdxl-diffusers"))
        let widths = try XCTUnwrap(unet["block_out_channels"] as? [Int])
        XCTAssertEqual(a.unet.channelMult.map { $0 * a.unet.modelChannels }, widths)
        let types = try XCTUnwrap(unet["down_block_types"] as? [String])
        let layers = try XCTUnwrap(unet["transformer_layers_per_block"] as? [Int])
        XCTAssertEqual(a.unet.transformerDepth, types.indices.map { types[$0].hasPrefix("CrossAttn") ? layers[$0] : 0 })
        let heads = try XCTUnwrap(unet["attention_head_dim"] as? [Int])
        for level in a.unet.attentionLevels {
            XCTAssertEqual(a.unet.heads.heads(forChannels: widths[level]), heads[level])
        }
        XCTAssertEqual(a.unet.contextDim, unet["cross_attention_dim"] as? Int)
        XCTAssertEqual(a.unet.admInChannels, unet["projection_class_embeddings_input_dim"] as? Int)
        XCTAssertEqual(a.unet.projection == .linear, unet["use_linear_projection"] as? Bool)
        for (index, folder) in ["text_encoder", "text_encoder_2"].enumerated() {
            let text = try json("tiny-sdxl-diffusers/\(folder)/config.json")
            XCTAssertEqual(a.textEncoders[index].hiddenSize, text["hidden_size"] as? Int, folder)
            XCTAssertEqual(a.textEncoders[index].numLayers, text["num_hidden_layers"] as? Int, folder)
            XCTAssertEqual(a.textEncoders[index].numHeads, text["num_attention_heads"] as? Int, folder)
            XCTAssertEqual(a.textEncoders[index].intermediateSize, text["intermediate_size"] as? Int, folder)
        }
        let vae = try json("tiny-sdxl-diffusers/vae/config.json")
        XCTAssertEqual(a.latent.scaleFactor, (vae["scaling_factor"] as? Double).map(Float.init))
    }

    func testProbeNamesSDXLAndLoadAcceptsIt() throws {
        for form in Self.forms {
            XCTAssertEqual(try ArchitectureDetector.probe(Fixtures.url(form)), .sdxl, form)
            let checkpoint = try StableDiffusionCheckpoint.load(Fixtures.url(form))
            XCTAssertEqual(checkpoint.texts.count, 2, form)
            XCTAssertEqual(checkpoint.architecture.textEncoders.map(\.activation), [.quickGELU, .gelu], form)
            XCTAssertEqual(checkpoint.architecture.textEncoders.map(\.projectionWidth), [nil, 64], form)
            XCTAssertTrue(checkpoint.architecture.vaeNeedsFP32, form)
        }
        for form in CheckpointLoadTests.forms {
            XCTAssertEqual(try ArchitectureDetector.probe(Fixtures.url(form)), .sd1, form)
        }
    }

    /// The generated diffusers key maps send the folder's keys onto exactly the single file's
    /// canonical keys (upsamplers at `output_blocks.2.2` / `5.2`, `label_emb.0.0` / `0.2`).
    func testGeneratedDiffusersKeyMapsMatchTheSingleFile() throws {
        let single = try StableDiffusionCheckpoint.singleFileParts(Fixtures.url("tiny-sdxl.safetensors"))
        let folder = try StableDiffusionCheckpoint.diffusersParts(Fixtures.url("tiny-sdxl-diffusers"))
        XCTAssertEqual(Set(folder.unet.keys), Set(single.unet.keys))
        XCTAssertEqual(Set(folder.vae.keys), Set(single.vae.keys))
        XCTAssertTrue(single.unet.contains("output_blocks.2.2.conv.weight"))
        XCTAssertTrue(single.unet.contains("label_emb.0.2.weight"))
        XCTAssertEqual(folder.unet.fileKey("output_blocks.5.2.conv.bias"), "up_blocks.1.upsamplers.0.conv.bias")
        XCTAssertEqual(folder.unet.fileKey("label_emb.0.0.weight"), "add_embedding.linear_1.weight")
        XCTAssertEqual(UNetBlockLayout(diffusersKeys: folder.unet.file.names),
                       UNetBlockLayout(levels: 3, numResBlocks: 2, attentionLevels: [1, 2]))
    }

    /// The UNet builds from the SDXL weights with the detected per-level depth, head width and
    /// Linear projections and label_emb, every tensor at the shape the network expects.
    func testUNetBuildsFromTheSDXLWeights() throws {
        for form in ["tiny-sdxl.safetensors", "tiny-sdxl-diffusers"] {
            let parts = form.hasSuffix("diffusers")
                ? try StableDiffusionCheckpoint.diffusersParts(Fixtures.url(form))
                : try StableDiffusionCheckpoint.singleFileParts(Fixtures.url(form))
            let architecture = try ArchitectureDetector.architecture(of: parts)
            let unet = try UNetModel(weights: parts.unet, config: architecture.unet)
            XCTAssertEqual(unet.config.transformerDepth, [0, 1, 2], form)
        }
    }
}
