import Catalog
import Tensor

/// The detector's tables: which key prefixes, pipeline classes, input widths and `y` widths
/// name which family, and what each UNet family's hidden hyper-parameters are.
extension ArchitectureDetector {
    /// What a key prefix says about a file.
    enum Verdict: Equatable {
        case family(CheckpointFamily)
        /// Not a checkpoint at all (a LoRA, an embedding), with how the error names it.
        case otherKind(String)
    }

    /// Checked in order; the first prefix some key starts with decides. Prefixes from ComfyUI
    /// `comfy/model_detection.py` (`joint_blocks`, `double_blocks`), stable-diffusion.cpp
    /// `model.cpp` `get_sd_version` (`conditioner.embedders.1` → SDXL, `cond_stage_model.model`
    /// → SD 2.x) and diffusers `loaders/single_file_utils.py` (`infer_diffusers_model_type`).
    static let keyMarkers: [(prefix: String, verdict: Verdict)] = [
        ("conditioner.embedders.", .family(.sdxl)),
        ("model.diffusion_model.label_emb.", .family(.sdxl)),
        ("cond_stage_model.model.", .family(.sd2)),
        ("model.diffusion_model.joint_blocks.", .family(.sd3)),
        ("joint_blocks.", .family(.sd3)),
        ("model.diffusion_model.double_blocks.", .family(.flux)),
        ("double_blocks.", .family(.flux)),
        ("single_transformer_blocks.", .family(.flux)),
        ("transformer_blocks.", .family(.flux)),
        ("lora_unet_", .otherKind("a LoRA")),
        ("lora_te", .otherKind("a LoRA")),
        ("string_to_param.", .otherKind("a textual-inversion embedding")),
        ("emb_params", .otherKind("a textual-inversion embedding")),
    ]

    /// A file whose keys all start with these is a standalone VAE.
    static let standaloneVAEPrefixes = ["encoder.", "decoder.", "quant_conv.", "post_quant_conv."]

    /// diffusers pipelines (`model_index.json` `_class_name`) holding SD 1.x-named weights;
    /// the shapes then decide (SD 2.x and inpainting share the names).
    static let sdPipelines: Set<String> = ["StableDiffusionPipeline", "StableDiffusionImg2ImgPipeline"]

    /// Pipeline class prefixes of other families, checked in order.
    static let pipelineFamilies: [(classPrefix: String, family: CheckpointFamily)] = [
        ("StableDiffusionXL", .sdxl),
        ("StableDiffusion3", .sd3),
        ("Flux", .flux),
        ("StableDiffusionInpaint", .sd1Inpainting),
        ("StableDiffusionInstructPix2Pix", .instructPix2Pix),
        ("StableDiffusionUpscale", .sdUpscaler),
        ("StableDiffusionDepth2Img", .sd2Depth),
    ]

    /// Variants named by the UNet's input channels: inpainting adds mask + masked image (9 =
    /// 4 + 1 + 4, LDM `v1-inpainting-inference.yaml`), InstructPix2Pix the image (8), SD 2.x
    /// depth the depth map (5), the x4 upscaler the low-resolution image (7). Source:
    /// stable-diffusion.cpp `model.cpp` `get_sd_version` (`input_block_weight.ne[2] == 9/8`).
    static let inputChannelVariants: [CheckpointFamily: [Int: CheckpointFamily]] = [
        .sd1: [9: .sd1Inpainting, 8: .instructPix2Pix],
        .sd2: [5: .sd2Depth, 7: .sdUpscaler],
        .sdxl: [9: .sdxlInpainting],
    ]

    /// Variants named by the width of `y` (`label_emb.0.0.weight` [time width, adm]): the SDXL
    /// refiner's is 2560 against the base's 2816. Source: ComfyUI `comfy/supported_models.py`
    /// (`SDXLRefiner` adm_in_channels 2560, `SDXL` 2816).
    static let admVariants: [CheckpointFamily: [Int: CheckpointFamily]] = [.sdxl: [2560: .sdxlRefiner]]

    /// OpenCLIP ViT-H/14's text width: a CLIP-named text encoder this wide belongs to SD 2.x
    /// (diffusers SD 2.x folders use SD 1.x's class and key names).
    static let sd2TextWidth = 1024

    /// What a UNet family's shapes do not show.
    struct FamilyTraits {
        let heads: AttentionHeads
        let latent: LatentFormat
        /// Input channels beyond the latent ones (mask, masked image, depth, source image).
        var extraInputChannels = 0
        /// Each text encoder's MLP nonlinearity, in context order.
        var textActivations: [Activation] = [.quickGELU]
        /// The `y` rule: how many 256-wide sinusoids follow the pooled text embedding (SDXL 6:
        /// original size, crop, target size; the refiner 5: its size, crop and aesthetic
        /// score), nil for UNets without `label_emb`.
        var sizeEmbeddings: Int?
        /// The VAE must decode in fp32 (diffusers `force_upcast`: SDXL's VAE overflows in fp16).
        var vaeNeedsFP32 = false
    }

    /// The families with an LDM-style UNet. Heads from ComfyUI `comfy/supported_models.py`
    /// (`SD15` num_heads 8; `SD20`, `SDXL`, `SDXLRefiner` num_head_channels 64); latent formats
    /// from `comfy/latent_formats.py` (`SD15` for SD 1.x and 2.x, `SDXL`); activations from
    /// open_clip (OpenCLIP ViT-H/bigG use `nn.GELU`) and OpenAI CLIP (`QuickGELU`); the `y`
    /// rules from ComfyUI `comfy/model_base.py` (`SDXL.encode_adm`: pooled + 6 × 256,
    /// `SDXLRefiner.encode_adm`: pooled + 5 × 256); `force_upcast` from diffusers' SDXL VAE
    /// config (`AutoencoderKL`, `force_upcast: true`).
    static let familyTraits: [CheckpointFamily: FamilyTraits] = [
        .sd1: FamilyTraits(heads: .count(8), latent: .sd1),
        .sd1Inpainting: FamilyTraits(heads: .count(8), latent: .sd1, extraInputChannels: 5),
        .instructPix2Pix: FamilyTraits(heads: .count(8), latent: .sd1, extraInputChannels: 4),
        .sd2: FamilyTraits(heads: .width(64), latent: .sd1, textActivations: [.gelu]),
        .sd2Depth: FamilyTraits(heads: .width(64), latent: .sd1, extraInputChannels: 1, textActivations: [.gelu]),
        .sdxl: FamilyTraits(heads: .width(64), latent: .sdxl, textActivations: [.quickGELU, .gelu],
                            sizeEmbeddings: 6, vaeNeedsFP32: true),
        .sdxlRefiner: FamilyTraits(heads: .width(64), latent: .sdxl, textActivations: [.gelu],
                                   sizeEmbeddings: 5, vaeNeedsFP32: true),
        .sdxlInpainting: FamilyTraits(heads: .width(64), latent: .sdxl, extraInputChannels: 5,
                                      textActivations: [.quickGELU, .gelu], sizeEmbeddings: 6, vaeNeedsFP32: true),
    ]

    /// The width of each size/crop sinusoid in `y` (sgm `ConcatTimestepEmbedderND`, outdim 256).
    static let sizeEmbeddingWidth = 256
}
