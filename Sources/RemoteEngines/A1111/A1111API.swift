/// A1111's web API, the fields Easel sends and reads, named as the server names them.
///
/// Reference: AUTOMATIC1111/stable-diffusion-webui `modules/api/models.py`
/// (`StableDiffusionTxt2ImgProcessingAPI`, `TextToImageResponse`, `ProgressResponse`,
/// `SDModelItem`, `SamplerItem`, `SchedulerItem`) and `modules/api/api.py` (the routes under
/// `/sdapi/v1`). Forge, SD.Next and stable-diffusion.cpp's `sd-server` serve the same routes,
/// some of them only (see `A1111Server`). Unknown fields are ignored when decoding.
enum A1111API {
    /// `POST /sdapi/v1/txt2img`.
    struct Txt2ImgRequest: Encodable {
        var prompt: String
        var negative_prompt: String
        var steps: Int
        var cfg_scale: Double
        /// Always explicit: `sd-server` reports no seed, and -1 would leave it unknown.
        var seed: UInt64
        var sampler_name: String
        var scheduler: String?
        var width: Int
        var height: Int
        var batch_size: Int
        var n_iter: Int = 1
        var override_settings: OverrideSettings
        /// Keep the checkpoint loaded after the job instead of switching back (a reload per job).
        var override_settings_restore_afterwards = false
        var send_images = true
        var save_images = false

        // The hires fix (A1111 `StableDiffusionProcessingTxt2Img.__init__`: `enable_hr`,
        // `denoising_strength`, `hr_scale`, `hr_upscaler`, `hr_second_pass_steps`); nil when off,
        // and always nil in an img2img request. sd-server 0.4.7 reads the same names
        // (`examples/server/routes_sdapi.cpp`, `build_sdapi_img_gen_request`) except the steps,
        // which it takes as `hr_steps`, sent too (A1111 drops fields its model lacks).
        var enable_hr: Bool?
        var hr_scale: Double?
        var hr_upscaler: String?
        var hr_second_pass_steps: Int?
        var hr_steps: Int?
        /// The hires pass's strength here; an img2img request carries its own.
        var denoising_strength: Double?

        // stable-diffusion.cpp `sd-server`'s own fields, nil for other servers: it reads no
        // `override_settings` and parses no `<lora:…>` tags in a prompt (routes_sdapi.cpp:
        // "Intentionally disable prompt-embedded LoRA tag parsing for server APIs"), so the
        // clip skip and the prompt's LoRAs go as `clip_skip` and `lora`.
        var clip_skip: Int?
        var lora: [SDCppLora]?
    }

    /// One entry of sd-server's `lora` list: a `path` as `/sdapi/v1/loras` gives it, and one
    /// multiplier (sd-server has no separate text-encoder weight).
    struct SDCppLora: Encodable, Equatable {
        var path: String
        var multiplier: Double
    }

    /// `override_settings`: A1111's options for this job only.
    struct OverrideSettings: Encodable {
        /// An `SDModelItem.title`.
        var sd_model_checkpoint: String?
        var CLIP_stop_at_last_layers: Int
        /// "CPU", "GPU" or "NV" (A1111 `modules/shared_options.py`, `randn_source`).
        var randn_source: String
    }

    /// The answer to txt2img: base64 PNGs, and `info`, a JSON object in a string.
    struct Txt2ImgResponse: Decodable {
        var images: [String]
        var info: String?
    }

    /// `Txt2ImgResponse.info` decoded (A1111 `modules/processing.py`, `Processed.js`).
    struct Info: Decodable {
        var seed: UInt64?
        var all_seeds: [UInt64]?
        var infotexts: [String]?
        var sd_model_name: String?
        var sd_model_hash: String?
    }

    /// `GET /sdapi/v1/progress`.
    struct Progress: Decodable {
        struct State: Decodable {
            var sampling_step: Int?
            var sampling_steps: Int?
            var job_no: Int?
            var job_count: Int?
            var interrupted: Bool?
        }
        var progress: Double
        var eta_relative: Double?
        var state: State?
        /// A base64 PNG of the current latent's preview, when the server makes one.
        var current_image: String?
    }

    /// `GET /sdapi/v1/sd-models`.
    struct SDModel: Decodable {
        var title: String
        var model_name: String
        var hash: String?
        var sha256: String?
        var filename: String?
    }

    /// `GET /sdapi/v1/samplers`.
    struct SamplerItem: Decodable {
        var name: String
        var aliases: [String]?
    }

    /// `GET /sdapi/v1/schedulers`.
    struct SchedulerItem: Decodable {
        var name: String
        var label: String?
        var aliases: [String]?
    }

    /// `GET /sdapi/v1/options`, the one field read.
    struct Options: Decodable {
        var sd_model_checkpoint: String?
    }
}
