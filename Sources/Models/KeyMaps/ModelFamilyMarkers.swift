/// Signs that a file or folder holds something other than an SD 1.x checkpoint, checked
/// before anything else is read. The key prefixes are those ComfyUI (`comfy/model_detection.py`)
/// and diffusers (`loaders/single_file_utils.py`, `infer_diffusers_model_type`) test for.
public enum ModelFamilyMarkers {
    /// What a file is when one of its keys starts with `prefix`.
    public struct KeyMarker: Sendable {
        public let prefix: String
        public let family: String
        /// True when the file is not a checkpoint at all (a LoRA, a lone VAE, an embedding).
        public let isOtherKind: Bool

        init(_ prefix: String, _ family: String, otherKind: Bool = false) {
            self.prefix = prefix
            self.family = family
            isOtherKind = otherKind
        }
    }

    /// Checked in order; the first marker found names the family.
    public static let singleFile: [KeyMarker] = [
        KeyMarker("conditioner.embedders.", "SDXL"),
        KeyMarker("model.diffusion_model.label_emb.", "SDXL"),
        KeyMarker("cond_stage_model.model.", "SD 2.x"),
        KeyMarker("model.diffusion_model.joint_blocks.", "SD3"),
        KeyMarker("joint_blocks.", "SD3"),
        KeyMarker("model.diffusion_model.double_blocks.", "FLUX"),
        KeyMarker("double_blocks.", "FLUX"),
        KeyMarker("single_transformer_blocks.", "FLUX"),
        KeyMarker("transformer_blocks.", "FLUX (diffusers transformer layout)"),
        KeyMarker("lora_unet_", "a LoRA", otherKind: true),
        KeyMarker("lora_te", "a LoRA", otherKind: true),
        KeyMarker("string_to_param.", "a textual-inversion embedding", otherKind: true),
        KeyMarker("emb_params", "a textual-inversion embedding", otherKind: true),
    ]

    /// A file whose keys all start with these is a standalone VAE.
    public static let standaloneVAEPrefixes = ["encoder.", "decoder.", "quant_conv.", "post_quant_conv."]

    /// diffusers pipelines (`model_index.json` `_class_name`) whose weights are plain SD 1.x.
    public static let supportedPipelines: Set<String> = ["StableDiffusionPipeline", "StableDiffusionImg2ImgPipeline"]

    /// Pipeline class prefixes of known other families, checked in order.
    public static let pipelineFamilies: [(classPrefix: String, family: String)] = [
        ("StableDiffusionXL", "SDXL"),
        ("StableDiffusion3", "SD3"),
        ("Flux", "FLUX"),
        ("StableDiffusionInpaint", "SD 1.x inpainting"),
        ("StableDiffusionUpscale", "SD x4 upscaler"),
        ("StableDiffusionDepth2Img", "SD 2.x depth"),
    ]

    /// The family named by a UNet's input channels: SD 1.x takes the 4 latent channels;
    /// inpainting models add mask + masked image (9), InstructPix2Pix adds the image (8).
    public static let unetInputChannelFamilies: [Int: String] = [9: "SD 1.x inpainting", 8: "InstructPix2Pix"]

    /// OpenCLIP ViT-H/14's text width: a text encoder this wide belongs to SD 2.x.
    public static let sd2TextWidth = 1024
}
