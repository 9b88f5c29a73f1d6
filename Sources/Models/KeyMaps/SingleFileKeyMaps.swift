/// Key prefixes of the A1111/civitai single-file layout (the LDM checkpoint's `state_dict`):
/// each component's canonical keys are its keys with the prefix removed. Everything else in
/// such files (`model_ema.*`, `alphas_cumprod`, `betas`, ...) is ignored.
public enum SingleFileKeyMaps {
    public static let unet = ComponentKeyMap(prefix: "model.diffusion_model.")

    /// The VAE; some converted files hold the mid-block attention as Linear weights.
    public static let vae = ComponentKeyMap(prefix: "first_stage_model.",
                                            convolutionWeights: DiffusersVAEKeyMap.convolutionWeights)

    /// The CLIP text encoder as saved by transformers ≥ 4.x (`CLIPTextModel.text_model`).
    public static let text = ComponentKeyMap(prefix: "cond_stage_model.transformer.text_model.",
                                             ignored: TextEncoderKeys.ignored)

    /// Older files saved without the `text_model.` level; A1111 renames these on load
    /// (`sd_models.py`, `checkpoint_dict_replacements_sd1`).
    public static let legacyText = ComponentKeyMap(prefix: "cond_stage_model.transformer.",
                                                   ignored: TextEncoderKeys.ignored)

    /// SD 2.x's OpenCLIP ViT-H/14 text tower in OpenCLIP names (LDM `FrozenOpenCLIPEmbedder`).
    public static let openCLIPText = ComponentKeyMap(prefix: "cond_stage_model.model.")

    /// SDXL's first embedder, CLIP ViT-L/14 (sgm `FrozenCLIPEmbedder`, `conditioner.embedders.0`).
    public static let sdxlCLIPLText = ComponentKeyMap(prefix: "conditioner.embedders.0.transformer.text_model.",
                                                      ignored: TextEncoderKeys.ignored)

    /// SDXL's second embedder, OpenCLIP ViT-bigG/14 (sgm `FrozenOpenCLIPEmbedder2`).
    public static let sdxlBigGText = ComponentKeyMap(prefix: "conditioner.embedders.1.model.")

    /// The SDXL refiner's only embedder, OpenCLIP ViT-bigG/14 at `conditioner.embedders.0`.
    public static let sdxlRefinerText = ComponentKeyMap(prefix: "conditioner.embedders.0.model.")
}

/// Text-encoder key facts shared by both layouts.
public enum TextEncoderKeys {
    /// transformers registers `position_ids` (always `arange(77)`) as a buffer; it is not a weight.
    public static let ignored: Set<String> = ["embeddings.position_ids"]

    /// diffusers `text_encoder/` keys carry `text_model.` (transformers' `CLIPTextModel`) or not;
    /// `CLIPTextModelWithProjection` (SDXL's `text_encoder_2/`) adds `text_projection.weight`
    /// beside `text_model.`, which keeps its name.
    public static let diffusers = ComponentKeyMap(
        prefix: "", renames: [KeyRename("", "text_model."), KeyRename("text_projection.", "text_projection.")],
        ignored: ignored)
    public static let diffusersWithoutPrefix = ComponentKeyMap(prefix: "", ignored: ignored)
}
