/// open_clip `TextTransformer` names ↔ transformers `CLIPTextModel(WithProjection)` names, for
/// the OpenCLIP towers the SD 2.x and SDXL single files hold (`cond_stage_model.model.*`,
/// `conditioner.embedders.1.model.*`). Canonical names are transformers' (the names CLIP-L and
/// every diffusers text encoder already have), so one `CLIPTextModel` reads both.
///
/// Transcribed from diffusers `loaders/single_file_utils.py`, `convert_open_clip_checkpoint`
/// (`textenc_conversion_lst`, `textenc_pattern`): the fused `attn.in_proj_weight` [3W, W] and
/// `in_proj_bias` [3W] split by rows into q, k and v (in that order), and `text_projection`
/// [W, P] is the transpose of transformers' `text_projection.weight` [P, W] (open_clip
/// applies it as `x @ P`).
public enum OpenCLIPTextKeyMap {
    /// Segments inside one layer: `encoder.layers.N.` ↔ `transformer.resblocks.N.`.
    public static let layerParts: [KeyPart] = [
        KeyPart("layer_norm1.", "ln_1."),
        KeyPart("layer_norm2.", "ln_2."),
        KeyPart("self_attn.out_proj.", "attn.out_proj."),
        KeyPart("self_attn.in_proj_", "attn.in_proj_"),
        KeyPart("mlp.fc1.", "mlp.c_fc."),
        KeyPart("mlp.fc2.", "mlp.c_proj."),
    ]

    /// Renames outside the layers.
    public static let fixedRenames: [KeyRename] = [
        KeyRename("embeddings.token_embedding.weight", "token_embedding.weight"),
        KeyRename("embeddings.position_embedding.weight", "positional_embedding"),
        KeyRename("final_layer_norm.", "ln_final."),
        KeyRename("text_projection.weight", "text_projection"),
    ]

    /// The canonical q, k and v projections and the fused tensor each is a third of, by row
    /// block: `self_attn.q_proj.weight` = rows [0, W) of `self_attn.in_proj_weight`, and so on.
    public static let fusedProjections: [(part: String, fused: String, block: Int)] = [
        ("self_attn.q_proj.", "self_attn.in_proj_", 0),
        ("self_attn.k_proj.", "self_attn.in_proj_", 1),
        ("self_attn.v_proj.", "self_attn.in_proj_", 2),
    ]

    /// Canonical keys whose open_clip tensor is the transpose.
    public static let transposed: Set<String> = ["text_projection.weight"]

    /// The key map (no component prefix: it applies to a table already under its embedder's
    /// prefix) of a tower with `layers` layers.
    public static func keyMap(layers: Int) -> ComponentKeyMap {
        let perLayer = (0..<layers).map { KeyRename("encoder.layers.\($0).", "transformer.resblocks.\($0).", parts: layerParts) }
        return ComponentKeyMap(prefix: "", renames: fixedRenames + perLayer)
    }
}
