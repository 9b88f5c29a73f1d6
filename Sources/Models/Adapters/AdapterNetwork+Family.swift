import Catalog

extension AdapterNetwork {
    /// The family the file says it was trained for, from kohya's `ss_base_model_version`,
    /// `modelspec.architecture` (Stability's model spec), or SDXL-only key prefixes
    /// (`lora_te1_`/`lora_te2_`, PEFT `text_encoder_2.`); nil when it does not say.
    /// Sources: kohya-ss `library/train_util.py` (`ss_base_model_version` values `sd_v1`,
    /// `sd_v2`, `sdxl_base_v1-0`), ComfyUI `comfy/lora.py` (the te1/te2 prefixes).
    public var declaredFamily: CheckpointFamily? {
        if let version = metadata["ss_base_model_version"]?.lowercased() {
            if version.hasPrefix("sdxl") { return .sdxl }
            if version.hasPrefix("sd_v2") { return .sd2 }
            if version.hasPrefix("sd_v1") { return .sd1 }
        }
        if let architecture = metadata["modelspec.architecture"]?.lowercased() {
            if architecture.hasPrefix("stable-diffusion-xl") { return .sdxl }
            if architecture.hasPrefix("stable-diffusion-v2") { return .sd2 }
            if architecture.hasPrefix("stable-diffusion-v1") { return .sd1 }
        }
        let sdxlPrefixes = ["lora_te1_", "lora_te2_", "text_encoder_2."]
        if modules.contains(where: { m in sdxlPrefixes.contains { m.name.hasPrefix($0) } }) { return .sdxl }
        return nil
    }
}

extension CheckpointFamily {
    /// The family whose LoRAs a model of this family takes: inpainting and other variants
    /// share their base model's layers (A1111 and ComfyUI apply SD 1.5 LoRAs to SD 1.5
    /// inpainting models).
    var adapterFamily: CheckpointFamily {
        switch self {
        case .sd1, .sd1Inpainting, .instructPix2Pix: return .sd1
        case .sd2, .sd2Depth, .sdUpscaler: return .sd2
        case .sdxl, .sdxlInpainting, .sdxlRefiner: return .sdxl
        case .sd3, .flux: return self
        }
    }
}
