import Catalog
import Foundation

/// Reads the render settings of a ComfyUI PNG from its `prompt` text chunk: the API-format
/// graph `{"id": {"class_type", "inputs"}}` that ComfyUI's `SaveImage` node writes (the
/// `workflow` chunk is the editor's layout of the same graph). The KSampler (or
/// KSamplerAdvanced) node gives seed, steps, CFG, sampler and scheduler; its `positive` and
/// `negative` links lead to CLIPTextEncode nodes' text; `latent_image` to EmptyLatentImage's
/// size. The checkpoint (CheckpointLoaderSimple `ckpt_name`) becomes `modelName`, LoraLoader
/// nodes a "Lora hashes" field naming them, so the workbench can say they are not applied.
/// Node and input names follow ComfyUI's `nodes.py`.
public enum ComfyWorkflow {
    public static func parse(_ json: String) throws -> RenderSettings {
        guard let data = json.data(using: .utf8),
              let graph = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw RenderSettingsError.badComfyWorkflow("the 'prompt' chunk is not a JSON object")
        }
        let nodes = graph.compactMapValues { $0 as? [String: Any] }
        guard let sampler = nodes.values.first(where: { ["KSampler", "KSamplerAdvanced"].contains($0["class_type"] as? String) }),
              let inputs = sampler["inputs"] as? [String: Any] else {
            throw RenderSettingsError.badComfyWorkflow("no KSampler node in the 'prompt' graph")
        }
        var s = RenderSettings(rng: .cpu)   // ComfyUI draws its noise on the CPU
        s.prompt = text(inputs["positive"], nodes) ?? ""
        s.negativePrompt = text(inputs["negative"], nodes) ?? ""
        if let seed = number(inputs["seed"] ?? inputs["noise_seed"]) { s.seed = UInt64(max(0, seed)) }
        if let steps = number(inputs["steps"]) { s.steps = Int(steps) }
        if let cfg = number(inputs["cfg"]) { s.cfgScale = cfg }
        if let name = inputs["sampler_name"] as? String, let found = Sampler(name: name) { s.sampler = found }
        s.schedule = (inputs["scheduler"] as? String).flatMap { Schedule(name: $0) } ?? s.sampler.automaticSchedule
        if let latent = node(inputs["latent_image"], nodes)?["inputs"] as? [String: Any] {
            if let w = number(latent["width"]) { s.width = Int(w) }
            if let h = number(latent["height"]) { s.height = Int(h) }
        }
        let classes = nodes.values.map { ($0["class_type"] as? String ?? "", $0["inputs"] as? [String: Any] ?? [:]) }
        if let ckpt = classes.first(where: { $0.0.hasPrefix("CheckpointLoader") })?.1["ckpt_name"] as? String {
            s.modelName = (ckpt as NSString).deletingPathExtension
        }
        let loras = classes.filter { $0.0.hasPrefix("LoraLoader") }.compactMap { $0.1["lora_name"] as? String }
        if !loras.isEmpty {
            s.extraParameters.append(InfotextField(key: "Lora hashes", value: loras.map { ($0 as NSString).deletingPathExtension }.sorted().joined(separator: ", ")))
        }
        return s
    }

    /// The node a link `["id", output]` points to.
    static func node(_ link: Any?, _ nodes: [String: [String: Any]]) -> [String: Any]? {
        guard let link = link as? [Any], let id = link.first else { return nil }
        return nodes["\(id)"]
    }

    /// A text input, following links through nodes that pass text on (primitives, CLIPTextEncode).
    static func text(_ value: Any?, _ nodes: [String: [String: Any]], depth: Int = 0) -> String? {
        if let string = value as? String { return string }
        guard depth < 8, let target = node(value, nodes), let inputs = target["inputs"] as? [String: Any] else { return nil }
        for key in ["text", "string", "value", "text_g", "conditioning"] {
            if let found = text(inputs[key], nodes, depth: depth + 1) { return found }
        }
        return nil
    }

    static func number(_ value: Any?) -> Double? {
        if let n = value as? NSNumber { return n.doubleValue }
        if let s = value as? String { return Double(s) }
        return nil
    }
}
