import Foundation
import TestSupport

/// A small real LoRA file for SD 1.5-shape checkpoints: kohya sd-scripts' key names
/// (`lora_unet_<diffusers module path with _>.lora_down.weight` / `.lora_up.weight` / `.alpha`,
/// as `networks/lora.py` `LoRANetwork` writes them) for two UNet attention projections and one
/// CLIP self-attention projection, with SD 1.5's real widths, rank 4, fp16, deterministic
/// values. stable-diffusion.cpp reads these names (`src/name_conversion.cpp`,
/// `convert_tensor_name`: the `lora_unet_` / `lora_te_` underline forms).
enum TinyLoRA {
    /// (module, in features, out features)
    static let modules: [(String, Int, Int)] = [
        ("lora_unet_down_blocks_0_attentions_0_transformer_blocks_0_attn1_to_out_0", 320, 320),
        ("lora_unet_mid_block_attentions_0_transformer_blocks_0_attn2_to_q", 1280, 1280),
        ("lora_te_text_model_encoder_layers_0_self_attn_v_proj", 768, 768),
    ]
    static let rank = 4

    /// Writes `modules` (default: the diffusers-path names above; ComfyUI's test passes LDM
    /// `input_blocks` names, the other form kohya files use).
    static func write(to url: URL, modules: [(String, Int, Int)] = modules) throws {
        var writer = SafeTensorsWriter()
        writer.metadata = ["ss_network_dim": "\(rank)", "ss_network_alpha": "\(rank)", "ss_base_model_version": "sd_v1",
                           "ss_network_module": "networks.lora"]
        var state: UInt64 = 0x5EED
        func values(_ count: Int, scale: Float) -> [UInt8] {
            (0..<count).flatMap { _ -> [UInt8] in
                state = state &* 6364136223846793005 &+ 1442695040888963407   // Knuth's MMIX LCG
                let unit = Float(state >> 40) / Float(1 << 24) * 2 - 1
                return littleEndianBytes(Float16(unit * scale).bitPattern)
            }
        }
        for (module, inFeatures, outFeatures) in modules {
            writer.add(module + ".lora_down.weight", dtype: "F16", shape: [rank, inFeatures], bytes: values(rank * inFeatures, scale: 0.5))
            writer.add(module + ".lora_up.weight", dtype: "F16", shape: [outFeatures, rank], bytes: values(outFeatures * rank, scale: 0.5))
            writer.add(module + ".alpha", dtype: "F16", shape: [], bytes: littleEndianBytes(Float16(Float(rank)).bitPattern))
        }
        try writer.write(to: url)
    }
}
