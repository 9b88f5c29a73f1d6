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
