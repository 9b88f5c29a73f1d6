/// The img2img and LoRA-list parts of A1111's web API (see `A1111API`).
extension A1111API {
    /// `POST /sdapi/v1/img2img`: the txt2img fields (without the hires fix), then
    /// `StableDiffusionProcessingImg2Img`'s (A1111 `modules/processing.py`) and the API's
    /// additions (`models.py`, `StableDiffusionImg2ImgProcessingAPI`: `init_images`,
    /// `denoising_strength`, `mask`).
    ///
    /// sd-server 0.4.7 (`build_sdapi_img_gen_request`) reads `init_images[0]`,
    /// `denoising_strength`, `mask` and `inpainting_mask_invert`, and ignores `mask_blur`,
    /// `inpainting_fill`, `inpaint_full_res`, `inpaint_full_res_padding` and `resize_mode`:
    /// it keeps the unmasked latent at every step and fills the masked part from the noised
    /// init image (A1111's "original"), over the whole picture, with a sharp mask.
    struct Img2ImgRequest: Encodable {
        var common: Txt2ImgRequest
        var fields: Img2ImgFields

        /// One flat object: the common fields, then these (two keyed containers of one encoder).
        func encode(to encoder: Encoder) throws {
            try common.encode(to: encoder)
            try fields.encode(to: encoder)
        }
    }

    /// The fields img2img adds; nil ones are left out.
    struct Img2ImgFields: Encodable {
        /// One base64 PNG, already the render size (`EngineRequest.fittingInitImage`).
        var init_images: [String]
        /// 0 "Just resize"; the image already has the render size.
        var resize_mode = 0
        var denoising_strength: Double
        /// A base64 PNG, white = repaint; nil for plain img2img.
        var mask: String?
        var mask_blur: Int?
        /// 1 "original" (the init image under the mask), A1111's UI default; the class's own
        /// default is 0 "fill".
        var inpainting_fill: Int?
        /// True for "Only masked"; sent always, as the class defaults to true.
        var inpaint_full_res: Bool?
        var inpaint_full_res_padding: Int?
        /// 0 "Inpaint masked" (white repaints).
        var inpainting_mask_invert: Int?
    }

    /// `GET /sdapi/v1/loras` (A1111 `extensions-builtin/Lora/lora_script.py`, `api_networks`:
    /// `name`, `alias`, `path`, `metadata`; sd-server sends `name` and a `path` relative to its
    /// `--lora-model-dir`).
    struct LoraItem: Decodable {
        var name: String
        var alias: String?
        var path: String?
        var metadata: [String: MetadataValue]?
    }

    /// A safetensors `__metadata__` value as A1111 sends it: a string, or anything else
    /// (kept as nothing).
    struct MetadataValue: Decodable {
        var text: String?
        init(from decoder: Decoder) throws { text = try? decoder.singleValueContainer().decode(String.self) }
    }
}
