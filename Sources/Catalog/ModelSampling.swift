/// How a model's noise levels map to the timesteps its UNet was trained on, and how its raw
/// output becomes a denoised estimate: ComfyUI's "model sampling" (the `ModelSamplingDiscrete`
/// node's `sampling` input). The computations live in `Sampling`.
public enum ModelSampling: String, CaseIterable, Codable, Sendable {
    /// SD's 1000 trained timesteps with k-diffusion's continuous t (`CompVisDenoiser`), eps
    /// or v per the checkpoint. Every ordinary checkpoint.
    case discrete
    /// LCM checkpoints and LCM-LoRA: ComfyUI `comfy_extras/nodes_model_advanced.py` `LCM` on
    /// `ModelSamplingDiscreteDistilled`: a 50-timestep table (19, 39, …, 999) and the
    /// consistency model's boundary scalings.
    case lcm

    /// The value a name means (ignoring case and spaces), or nil.
    public static func named(_ name: String) -> ModelSampling? {
        ModelSampling(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// What a model's name or its metadata says about its sampling: `lcm` when the text names
    /// LCM as a word (`lcm-lora-sdv1-5`, `dreamshaper_LCM`, `LCM_Dreamshaper_v7`), else nil.
    public static func suggested(byName text: String) -> ModelSampling? {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
        return words.contains("lcm") ? .lcm : nil
    }
}
