/// diffusers `UNet2DConditionModel` names ↔ LDM `openaimodel.UNetModel` names for SD 1.x.
///
/// Transcribed from diffusers `scripts/convert_diffusers_to_original_stable_diffusion.py`
/// (`unet_conversion_map`, `unet_conversion_map_resnet`, `unet_conversion_map_layer`): four
/// levels, two ResBlocks per down level and three per up level, a transformer after every
/// ResBlock except in down level 3 and up level 0, a downsampler after down levels 0–2 and an
/// upsampler after up levels 0–2.
public enum DiffusersUNetKeyMap {
    /// The `unet/` weights file's keys, which have no component prefix.
    public static let keyMap = ComponentKeyMap(prefix: "", renames: renames)

    /// `unet_conversion_map_resnet`: the layers inside a ResBlock.
    public static let resnetParts: [KeyPart] = [
        KeyPart("in_layers.0.", "norm1."),
        KeyPart("in_layers.2.", "conv1."),
        KeyPart("out_layers.0.", "norm2."),
        KeyPart("out_layers.3.", "conv2."),
        KeyPart("emb_layers.1.", "time_emb_proj."),
        KeyPart("skip_connection.", "conv_shortcut."),
    ]

    /// `unet_conversion_map` and `unet_conversion_map_layer`, as prefixes.
    public static let renames: [KeyRename] = {
        var renames = [
            KeyRename("time_embed.0.", "time_embedding.linear_1."),
            KeyRename("time_embed.2.", "time_embedding.linear_2."),
            KeyRename("input_blocks.0.0.", "conv_in."),
            KeyRename("out.0.", "conv_norm_out."),
            KeyRename("out.2.", "conv_out."),
            KeyRename("middle_block.1.", "mid_block.attentions.0."),
        ]
        for j in 0..<2 {
            renames.append(KeyRename("middle_block.\(2 * j).", "mid_block.resnets.\(j).", parts: resnetParts))
        }
        for i in 0..<4 {
            for j in 0..<2 {
                renames.append(KeyRename("input_blocks.\(3 * i + j + 1).0.", "down_blocks.\(i).resnets.\(j).",
                                         parts: resnetParts))
                if i < 3 {
                    renames.append(KeyRename("input_blocks.\(3 * i + j + 1).1.", "down_blocks.\(i).attentions.\(j)."))
                }
            }
            for j in 0..<3 {
                renames.append(KeyRename("output_blocks.\(3 * i + j).0.", "up_blocks.\(i).resnets.\(j).",
                                         parts: resnetParts))
                if i > 0 {
                    renames.append(KeyRename("output_blocks.\(3 * i + j).1.", "up_blocks.\(i).attentions.\(j)."))
                }
            }
            if i < 3 {
                renames.append(KeyRename("input_blocks.\(3 * (i + 1)).0.op.", "down_blocks.\(i).downsamplers.0.conv."))
                renames.append(KeyRename("output_blocks.\(3 * i + 2).\(i == 0 ? 1 : 2).", "up_blocks.\(i).upsamplers.0."))
            }
        }
        return renames
    }()
}
