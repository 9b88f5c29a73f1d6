/// diffusers `UNet2DConditionModel` names ↔ LDM `openaimodel.UNetModel` names, generated from
/// the block layout (`UNetBlockLayout`) rather than written out per family.
///
/// Transcribed from diffusers `scripts/convert_diffusers_to_original_stable_diffusion.py` and
/// `convert_diffusers_to_original_sdxl.py` (`unet_conversion_map`, `unet_conversion_map_resnet`,
/// `unet_conversion_map_layer`): down level i, ResBlock j → `input_blocks.{(R+1)i+j+1}.0`, its
/// transformer → `.1`; downsampler → `input_blocks.{(R+1)(i+1)}.0.op`; up block i (deepest
/// first), ResBlock j ≤ R → `output_blocks.{(R+1)i+j}.0`, its transformer → `.1`; upsampler →
/// `output_blocks.{(R+1)i+R}.{1, or 2 after a transformer}`; SDXL's `add_embedding.linear_1/2`
/// → `label_emb.0.0/0.2`.
public enum DiffusersUNetKeyMap {
    /// The `unet/` weights file's keys for SD 1.x's layout (4 levels, 2 ResBlocks, attention
    /// on levels 0–2), which have no component prefix.
    public static let keyMap = keyMap(for: .sd1)

    /// The key map of a UNet with `layout`.
    public static func keyMap(for layout: UNetBlockLayout) -> ComponentKeyMap {
        ComponentKeyMap(prefix: "", renames: renames(for: layout))
    }

    /// `unet_conversion_map_resnet`: the layers inside a ResBlock.
    public static let resnetParts: [KeyPart] = [
        KeyPart("in_layers.0.", "norm1."),
        KeyPart("in_layers.2.", "conv1."),
        KeyPart("out_layers.0.", "norm2."),
        KeyPart("out_layers.3.", "conv2."),
        KeyPart("emb_layers.1.", "time_emb_proj."),
        KeyPart("skip_connection.", "conv_shortcut."),
    ]

    /// `unet_conversion_map` (SD 1.x and SDXL scripts): renames outside the levels.
    public static let fixedRenames: [KeyRename] = [
        KeyRename("time_embed.0.", "time_embedding.linear_1."),
        KeyRename("time_embed.2.", "time_embedding.linear_2."),
        KeyRename("label_emb.0.0.", "add_embedding.linear_1."),
        KeyRename("label_emb.0.2.", "add_embedding.linear_2."),
        KeyRename("input_blocks.0.0.", "conv_in."),
        KeyRename("out.0.", "conv_norm_out."),
        KeyRename("out.2.", "conv_out."),
        KeyRename("middle_block.1.", "mid_block.attentions.0."),
        KeyRename("middle_block.0.", "mid_block.resnets.0.", parts: resnetParts),
        KeyRename("middle_block.2.", "mid_block.resnets.1.", parts: resnetParts),
    ]

    /// `unet_conversion_map_layer`, as prefixes, for `layout`.
    public static func renames(for layout: UNetBlockLayout) -> [KeyRename] {
        let blocks = layout.numResBlocks + 1, last = layout.levels - 1
        var renames = fixedRenames
        for i in 0..<layout.levels {
            let downAttention = layout.attentionLevels.contains(i)
            for j in 0..<layout.numResBlocks {
                renames.append(KeyRename("input_blocks.\(blocks * i + j + 1).0.", "down_blocks.\(i).resnets.\(j).",
                                         parts: resnetParts))
                if downAttention {
                    renames.append(KeyRename("input_blocks.\(blocks * i + j + 1).1.", "down_blocks.\(i).attentions.\(j)."))
                }
            }
            let upAttention = layout.attentionLevels.contains(last - i)
            for j in 0..<blocks {
                renames.append(KeyRename("output_blocks.\(blocks * i + j).0.", "up_blocks.\(i).resnets.\(j).",
                                         parts: resnetParts))
                if upAttention {
                    renames.append(KeyRename("output_blocks.\(blocks * i + j).1.", "up_blocks.\(i).attentions.\(j)."))
                }
            }
            if i < last {
                renames.append(KeyRename("input_blocks.\(blocks * (i + 1)).0.op.", "down_blocks.\(i).downsamplers.0.conv."))
                renames.append(KeyRename("output_blocks.\(blocks * i + blocks - 1).\(upAttention ? 2 : 1).",
                                         "up_blocks.\(i).upsamplers.0."))
            }
        }
        return renames
    }
}
