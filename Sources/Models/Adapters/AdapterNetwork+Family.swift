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

extension AdapterNetwork {
    /// Another family whose naming table alone spells this file's text-encoder modules
    /// (`lora_te_` is SD 1.x's, `lora_te1_`/`lora_te2_` SDXL's), when `family`'s table spells
    /// none of them: the file was made for that family. Nil when the names do not say.
    func namingFamily(against family: CheckpointFamily) -> CheckpointFamily? {
        func textPrefixes(_ f: CheckpointFamily) -> [String] {
            (AdapterNaming.byFamily[f] ?? []).filter(\.component.isTextEncoder).flatMap { $0.spellings.map(\.prefix) }
        }
        let unetPrefixes = AdapterNaming.unet.spellings.map(\.prefix)
        let textNames = modules.map(\.name).filter { name in !unetPrefixes.contains { name.hasPrefix($0) } }
        let own = textPrefixes(family.adapterFamily)
        guard !textNames.isEmpty, !textNames.contains(where: { name in own.contains { name.hasPrefix($0) } }) else { return nil }
        for other in AdapterNaming.byFamily.keys.sorted(by: { $0.rawValue < $1.rawValue }) where other != family.adapterFamily {
            let prefixes = textPrefixes(other)
            if textNames.contains(where: { name in prefixes.contains { name.hasPrefix($0) } }) { return other }
        }
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

extension AdapterNetwork {
    /// The family the file is for: `declaredFamily`, else the width of the cross-attention
    /// context its `attn2` key/value projections read (768 SD 1.x, 1024 SD 2.x, 2048 SDXL), else
    /// the width of its `lora_te_` text-encoder layers (768 CLIP-L, 1024 OpenCLIP-H). Those are
    /// the context widths of the published configs (CompVis `v1-inference.yaml`
    /// `context_dim: 768`, Stability `v2-inference.yaml` 1024, `sd_xl_base.yaml` 2048); nil when
    /// nothing says (a tiny test network).
    public var family: CheckpointFamily? {
        if let declared = declaredFamily { return declared }
        let contexts: [Int: CheckpointFamily] = [768: .sd1, 1024: .sd2, 2048: .sdxl]
        for module in modules where module.name.contains("attn2") && (module.name.hasSuffix("to_k") || module.name.hasSuffix("to_v")) {
            if let width = module.inputWidth, let family = contexts[width] { return family }
        }
        let textWidths: [Int: CheckpointFamily] = [768: .sd1, 1024: .sd2]
        for module in modules where module.name.hasPrefix("lora_te_") && module.name.hasSuffix("q_proj") {
            if let width = module.inputWidth, let family = textWidths[width] { return family }
        }
        return nil
    }
}

extension AdapterModule {
    /// The width of the layer input ΔW multiplies (`lora_down`/`lora_A`: [rank, in, …];
    /// LoHa `hada_w1_b`: [rank, in]); nil for kinds whose factors do not show it directly.
    var inputWidth: Int? {
        for suffix in ["lora_down.weight", "lora_A.weight", "hada_w1_b", "diff"] {
            if let shape = shape(suffix), shape.count >= 2 { return shape[1] }
        }
        return nil
    }
}
