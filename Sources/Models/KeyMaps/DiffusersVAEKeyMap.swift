/// diffusers `AutoencoderKL` names ↔ LDM `AutoencoderKL` names.
///
/// Transcribed from diffusers `scripts/convert_diffusers_to_original_stable_diffusion.py`
/// (`vae_conversion_map`, `vae_conversion_map_attn`, `reshape_weight_for_sd`). diffusers
/// numbers the decoder's up blocks in the opposite order (its `up_blocks.0` is LDM `up.3`),
/// and stores the mid-block attention projections as Linear [C, C] where LDM has 1×1
/// convolutions [C, C, 1, 1].
public enum DiffusersVAEKeyMap {
    /// The `vae/` weights file's keys, which have no component prefix.
    public static let keyMap = ComponentKeyMap(prefix: "", renames: renames, convolutionWeights: convolutionWeights)

    /// `vae_conversion_map_attn`, current diffusers names first, then the names diffusers
    /// used before it switched its VAE to the shared `Attention` module.
    public static let attentionParts: [KeyPart] = [
        KeyPart("norm.", "group_norm."),
        KeyPart("q.", "to_q."),
        KeyPart("k.", "to_k."),
        KeyPart("v.", "to_v."),
        KeyPart("proj_out.", "to_out.0."),
        KeyPart("q.", "query."),
        KeyPart("k.", "key."),
        KeyPart("v.", "value."),
        KeyPart("proj_out.", "proj_attn."),
    ]

    public static let resnetParts: [KeyPart] = [KeyPart("nin_shortcut.", "conv_shortcut.")]

    /// `vae_conversion_map` for SD's VAE (4 levels, 2 ResBlocks per encoder level).
    public static let renames = renames(levels: 4, numResBlocks: 2)

    /// The key map of a VAE with `levels` levels and `numResBlocks` ResBlocks per encoder
    /// level (the decoder has one more per level).
    public static func keyMap(levels: Int, numResBlocks: Int) -> ComponentKeyMap {
        ComponentKeyMap(prefix: "", renames: renames(levels: levels, numResBlocks: numResBlocks),
                        convolutionWeights: convolutionWeights)
    }

    /// The key map of a diffusers `vae/` file, its layout read from the key names
    /// (`encoder.down_blocks.{i}.`, `encoder.down_blocks.0.resnets.{j}.`).
    public static func keyMap(diffusersKeys keys: [String]) -> ComponentKeyMap {
        let levels = keys.countBlocks { "encoder.down_blocks.\($0)." }
        guard levels > 0 else { return keyMap }
        return keyMap(levels: levels, numResBlocks: keys.countBlocks { "encoder.down_blocks.0.resnets.\($0)." })
    }

    /// `vae_conversion_map`, as prefixes: encoder level i ↔ `down.i`, decoder up block i ↔
    /// LDM `up.{levels−1−i}`; a down/upsampler on every level but the deepest.
    public static func renames(levels: Int, numResBlocks: Int) -> [KeyRename] {
        var renames: [KeyRename] = []
        for side in ["encoder", "decoder"] {
            renames.append(KeyRename("\(side).norm_out.", "\(side).conv_norm_out."))
            renames.append(KeyRename("\(side).mid.attn_1.", "\(side).mid_block.attentions.0.", parts: attentionParts))
            for i in 0..<2 {
                renames.append(KeyRename("\(side).mid.block_\(i + 1).", "\(side).mid_block.resnets.\(i).",
                                         parts: resnetParts))
            }
        }
        let last = levels - 1
        for i in 0..<levels {
            for j in 0..<numResBlocks {
                renames.append(KeyRename("encoder.down.\(i).block.\(j).", "encoder.down_blocks.\(i).resnets.\(j).",
                                         parts: resnetParts))
            }
            for j in 0...numResBlocks {
                renames.append(KeyRename("decoder.up.\(last - i).block.\(j).", "decoder.up_blocks.\(i).resnets.\(j).",
                                         parts: resnetParts))
            }
            if i < last {
                renames.append(KeyRename("encoder.down.\(i).downsample.", "encoder.down_blocks.\(i).downsamplers.0."))
                renames.append(KeyRename("decoder.up.\(last - i).upsample.", "decoder.up_blocks.\(i).upsamplers.0."))
            }
        }
        return renames
    }

    /// The mid-block attention projections, 1×1 convolutions in LDM naming.
    public static let convolutionWeights: Set<String> = Set(
        ["encoder", "decoder"].flatMap { side in
            ["q", "k", "v", "proj_out"].map { "\(side).mid.attn_1.\($0).weight" }
        })
}
