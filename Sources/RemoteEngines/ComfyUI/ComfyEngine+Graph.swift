import Catalog
import EngineAPI
import Foundation
import Imaging
import PromptSyntax
import RenderSettings

extension ComfyEngine {
    /// The template for a model: the settings' own (for a diffusion model only when the
    /// template's `families` has the model's, FLUX by default), else FLUX's for diffusion
    /// models, else SD's.
    func template(for model: EngineModel) throws -> ComfyGraphTemplate {
        let diffusion = model.id.hasPrefix(ComfyServer.diffusionModelPrefix)
        if let name = config.template {
            let chosen = try ComfyGraphTemplate.load(name)
            if !diffusion || (chosen.families ?? []).contains((model.family ?? .flux).rawValue) { return chosen }
        }
        return try ComfyGraphTemplate.load(diffusion ? "flux-txt2img" : "sd1-txt2img")
    }

    /// The graph for `settings` alone (txt2img).
    func graph(_ settings: RenderSettings, model: EngineModel) throws -> [String: JSONValue] {
        try graph(for: EngineRequest(settings: settings), model: model)
    }

    /// The graph for one image of `request`: the template with its slots filled (the sampler
    /// and schedule under the server's own names, the prompts without their `<lora:…>` tags),
    /// the tags' `LoraLoader` chain (`ComfyLoraChain`), and the init image: uploaded and named
    /// in the `{{image}}` slot of a template that has one (Kontext), else through
    /// `ComfyInitImageEdit` (img2img, inpainting). A LoRA the server lacks is one line before
    /// anything is uploaded or queued.
    func graph(for request: EngineRequest, model: EngineModel) throws -> [String: JSONValue] {
        let settings = request.settings
        let (prompt, tags) = try Self.loraTags(settings.prompt)
        let negative = try Self.loraTags(settings.negativePrompt).text
        let facts = tags.isEmpty ? try knownServer() : try readServer()
        guard let sampler = facts.samplerNames[settings.sampler] else {
            throw RemoteEngineError.refused(
                "sampler '\(settings.sampler.displayName)' is not offered by \(config.label) (it has: \(facts.serverSamplers.joined(separator: ", ")))")
        }
        guard let scheduler = facts.scheduleNames[settings.schedule] else {
            throw RemoteEngineError.refused(
                "schedule '\(SamplerCatalog.entry(for: settings.schedule).displayName)' is not offered by \(config.label) (it has: \(facts.serverSchedulers.joined(separator: ", ")))")
        }
        let chain = try ComfyLoraChain(tags: tags, files: facts.loras, server: config.label)
        let file = model.id.hasPrefix(ComfyServer.diffusionModelPrefix)
            ? String(model.id.dropFirst(ComfyServer.diffusionModelPrefix.count)) : model.id
        let template = try template(for: model)
        var values = Self.slotValues(settings, model: file, sampler: sampler, scheduler: scheduler)
        values["prompt"] = .string(prompt)
        values["negative"] = .string(negative)
        var edit: ComfyInitImageEdit?
        if template.slots.contains("image") {
            values["image"] = .string(try uploadForSlot(request.initImage, template: template))
        } else if let initImage = request.initImage {
            edit = try upload(initImage, settings: settings)
        }
        var graph = ComfyGraph(nodes: try template.filled(values), name: template.name)
        graph = try chain.applied(to: graph)
        if let edit { graph = try edit.applied(to: graph) }
        return graph.nodes
    }

    static func slotValues(_ settings: RenderSettings, model: String, sampler: String, scheduler: String) -> [String: JSONValue] {
        [
            "prompt": .string(settings.prompt), "negative": .string(settings.negativePrompt),
            "seed": .unsigned(settings.seed), "steps": .integer(Int64(settings.steps)),
            "cfg": .number(settings.cfgScale), "width": .integer(Int64(settings.width)),
            "height": .integer(Int64(settings.height)), "batch": .integer(Int64(settings.batchSize)),
            "clip_layer": .integer(Int64(-settings.clipSkip)), "sampler": .string(sampler),
            "scheduler": .string(scheduler), "model": .string(model),
        ]
    }

    /// The prompt without its extra-network tags, and its LoRA tags; a malformed tag is one line.
    static func loraTags(_ prompt: String) throws -> (text: String, tags: [LoraTag]) {
        do {
            return try LoraTag.extract(from: prompt)
        } catch let error as LoraTagError {
            throw RemoteEngineError.refused("prompt: \(error)")
        }
    }

    /// A template with an `{{image}}` slot (Kontext) edits the init image, which it needs,
    /// without a mask; the uploaded file's name.
    private func uploadForSlot(_ initImage: InitImage?, template: ComfyGraphTemplate) throws -> String {
        guard let initImage else {
            throw RemoteEngineError.refused("graph template '\(template.name)' edits an init image ({{image}}); the request has none")
        }
        guard initImage.mask == nil else {
            throw RemoteEngineError.refused("graph template '\(template.name)' takes no mask (it edits the whole init image)")
        }
        return try ComfyUpload(http: http).png(initImage.image, label: "init image")
    }

    /// Uploads the init image and, for inpainting, the mask after A1111's blur and the
    /// overlay mask (clip(2·mask), `apply_overlay`).
    private func upload(_ initImage: InitImage, settings: RenderSettings) throws -> ComfyInitImageEdit {
        guard initImage.area == .wholePicture else {
            throw RemoteEngineError.refused("\(config.label): inpainting only the masked area is done by the local engine only; use the whole picture")
        }
        let upload = ComfyUpload(http: http)
        var edit = ComfyInitImageEdit(image: try upload.png(initImage.image, label: "init image"),
                                      denoise: settings.denoisingStrength ?? 1)
        if let mask = initImage.mask {
            let blur = settings.maskBlur ?? 0
            let blurred = blur > 0 ? mask.gaussianBlurred(sigma: Double(blur)) : mask
            let overlay = try GrayImage(width: blurred.width, height: blurred.height,
                                        pixels: blurred.pixels.map { UInt8(min(2 * Int($0), 255)) })
            edit.mask = try upload.png(blurred, label: "mask")
            edit.overlayMask = try upload.png(overlay, label: "overlay mask")
        }
        return edit
    }
}
