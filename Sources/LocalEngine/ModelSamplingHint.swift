import Foundation
import PromptSyntax
import RenderSettings
import SafeTensors

/// Picks LCM's model sampling when the model or a LoRA in the prompt says LCM: its file or
/// folder name (`lcm-lora-sdv1-5`, `LCM_Dreamshaper_v7`), or its safetensors metadata (kohya's
/// `ss_output_name`, `modelspec.title`, the `modelspec.architecture` / `ss_base_model_version`
/// of LCM-LoRA releases). What LCM's own model cards ask for: ComfyUI's
/// `ModelSamplingDiscrete(sampling="lcm")` for LCM checkpoints and LCM-LoRA alike.
public enum ModelSamplingHint {
    /// The metadata keys read.
    static let metadataKeys = ["ss_output_name", "modelspec.title", "modelspec.architecture", "ss_base_model_version"]

    /// What the model and the prompt's LoRA tags suggest, or nil.
    public static func suggested(model: URL, prompt: String) -> ModelSampling? {
        let loraNames = ((try? LoraTag.extract(from: prompt).tags) ?? []).map(\.name)
        let texts = [model.deletingPathExtension().lastPathComponent] + metadata(of: model) + loraNames
        return texts.lazy.compactMap(ModelSampling.suggested(byName:)).first
    }

    /// Sets `settings.modelSampling` from the hint unless it was chosen by hand; returns the
    /// one-line note to show when it changed.
    public static func apply(to settings: inout RenderSettings, model: URL, explicit: Bool) -> String? {
        guard !explicit, settings.modelSampling == .discrete,
              let hint = suggested(model: model, prompt: settings.prompt), hint != .discrete else { return nil }
        settings.modelSampling = hint
        return "the model or a LoRA is named LCM: using --model-sampling \(hint.rawValue) (--model-sampling discrete to turn it off)"
    }

    private static func metadata(of model: URL) -> [String] {
        guard model.pathExtension == "safetensors", let file = try? SafeTensorsFile(url: model) else { return [] }
        return metadataKeys.compactMap { file.metadata[$0] }
    }
}
