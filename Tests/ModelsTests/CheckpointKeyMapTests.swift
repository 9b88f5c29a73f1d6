import Models
import SafeTensors
import TestSupport
import XCTest

/// Key translations, checked by hand against the loops of diffusers
/// `scripts/convert_diffusers_to_original_stable_diffusion.py` (e.g. down block i, resnet j →
/// `input_blocks.{3i+j+1}.0`; up block i upsampler → `output_blocks.{3i+2}.{1 if i == 0 else 2}`;
/// VAE decoder up block i → LDM `up.{3-i}`).
final class CheckpointKeyMapTests: XCTestCase {
    func testDiffusersUNetNames() {
        let map = DiffusersUNetKeyMap.keyMap
        let pairs: [(String, String)] = [
            ("conv_in.weight", "input_blocks.0.0.weight"),
            ("time_embedding.linear_2.bias", "time_embed.2.bias"),
            ("conv_norm_out.weight", "out.0.weight"),
            ("down_blocks.1.resnets.0.norm1.weight", "input_blocks.4.0.in_layers.0.weight"),
            ("down_blocks.1.resnets.0.conv_shortcut.bias", "input_blocks.4.0.skip_connection.bias"),
            ("down_blocks.2.attentions.1.transformer_blocks.0.attn2.to_k.weight",
             "input_blocks.8.1.transformer_blocks.0.attn2.to_k.weight"),
            ("down_blocks.2.downsamplers.0.conv.weight", "input_blocks.9.0.op.weight"),
            ("down_blocks.3.resnets.1.conv2.weight", "input_blocks.11.0.out_layers.3.weight"),
            ("mid_block.resnets.1.time_emb_proj.weight", "middle_block.2.emb_layers.1.weight"),
            ("mid_block.attentions.0.proj_in.weight", "middle_block.1.proj_in.weight"),
            ("up_blocks.0.upsamplers.0.conv.weight", "output_blocks.2.1.conv.weight"),
            ("up_blocks.2.upsamplers.0.conv.bias", "output_blocks.8.2.conv.bias"),
            ("up_blocks.3.resnets.2.conv1.weight", "output_blocks.11.0.in_layers.2.weight"),
            ("up_blocks.3.attentions.2.proj_out.bias", "output_blocks.11.1.proj_out.bias"),
        ]
        assertTranslates(map, pairs)
    }

    func testDiffusersVAENames() {
        let map = DiffusersVAEKeyMap.keyMap
        let pairs: [(String, String)] = [
            ("encoder.down_blocks.0.downsamplers.0.conv.weight", "encoder.down.0.downsample.conv.weight"),
            ("encoder.down_blocks.2.resnets.0.conv_shortcut.weight", "encoder.down.2.block.0.nin_shortcut.weight"),
            ("decoder.up_blocks.0.resnets.2.norm1.bias", "decoder.up.3.block.2.norm1.bias"),
            ("decoder.up_blocks.2.upsamplers.0.conv.weight", "decoder.up.1.upsample.conv.weight"),
            ("decoder.mid_block.resnets.1.conv2.weight", "decoder.mid.block_2.conv2.weight"),
            ("decoder.mid_block.attentions.0.group_norm.weight", "decoder.mid.attn_1.norm.weight"),
            ("decoder.mid_block.attentions.0.to_out.0.bias", "decoder.mid.attn_1.proj_out.bias"),
            ("decoder.conv_norm_out.bias", "decoder.norm_out.bias"),
            ("post_quant_conv.weight", "post_quant_conv.weight"),
        ]
        assertTranslates(map, pairs)
        // diffusers before its VAE used the shared Attention module: read, never written.
        XCTAssertEqual(map.canonicalKey(forFileKey: "encoder.mid_block.attentions.0.query.weight"), "encoder.mid.attn_1.q.weight")
        XCTAssertEqual(map.canonicalKey(forFileKey: "encoder.mid_block.attentions.0.proj_attn.bias"), "encoder.mid.attn_1.proj_out.bias")
    }

    /// Every key of the fixture's diffusers files survives the round trip file → canonical → file.
    func testFixtureKeysRoundTrip() throws {
        for (path, map) in [("tiny-sd15-diffusers/unet/diffusion_pytorch_model.safetensors", DiffusersUNetKeyMap.keyMap),
                            ("tiny-sd15-diffusers/vae/diffusion_pytorch_model.safetensors", DiffusersVAEKeyMap.keyMap),
                            ("tiny-sd15-diffusers/text_encoder/model.safetensors", TextEncoderKeys.diffusers)] {
            for key in try SafeTensorsFile(url: Fixtures.url(path)).names {
                let canonical = try XCTUnwrap(map.canonicalKey(forFileKey: key), key)
                XCTAssertEqual(map.fileKey(forCanonicalKey: canonical), key)
            }
        }
    }

    func testSingleFileTextEncoderIgnoresPositionIds() {
        XCTAssertNil(SingleFileKeyMaps.text.canonicalKey(forFileKey: "cond_stage_model.transformer.text_model.embeddings.position_ids"))
        XCTAssertNil(SingleFileKeyMaps.unet.canonicalKey(forFileKey: "model_ema.diffusion_modelinput_blocks00weight"))
        XCTAssertNil(SingleFileKeyMaps.unet.canonicalKey(forFileKey: "alphas_cumprod"))
        XCTAssertEqual(SingleFileKeyMaps.legacyText.canonicalKey(forFileKey: "cond_stage_model.transformer.final_layer_norm.weight"),
                       "final_layer_norm.weight")
    }

    /// Each (file key, canonical key) pair translates both ways.
    private func assertTranslates(_ map: ComponentKeyMap, _ pairs: [(String, String)],
                                  file: StaticString = #filePath, line: UInt = #line) {
        for (fileKey, canonical) in pairs {
            XCTAssertEqual(map.canonicalKey(forFileKey: fileKey), canonical, file: file, line: line)
            XCTAssertEqual(map.fileKey(forCanonicalKey: canonical), fileKey, file: file, line: line)
        }
    }
}
