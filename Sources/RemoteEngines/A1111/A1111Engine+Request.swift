import Catalog
import EngineAPI
import Foundation
import Imaging
import PromptSyntax
import RenderSettings

/// One job's request: which route, its JSON body, and the one-line notes for what the
/// server will not do as asked.
struct A1111Job {
    var path: String
    var body: any Encodable
    var notes: [String]
}

extension A1111Engine {
    /// `POST /sdapi/v1/img2img` when the request has an init image (fitted to the render
    /// size first, as A1111's "Just resize" would), else `/sdapi/v1/txt2img` with the hires fix
    /// when it is set.
    func job(for request: EngineRequest, model: EngineModel, facts: A1111Server) throws -> A1111Job {
        let (fitted, fitNote) = request.fittingInitImage()
        var (common, notes) = try txt2img(fitted.settings, model: model, facts: facts)
        if let fitNote { notes.insert(fitNote, at: 0) }
        guard let initImage = fitted.initImage else { return A1111Job(path: "/sdapi/v1/txt2img", body: common, notes: notes) }
        let body = try img2img(common, initImage: initImage, settings: fitted.settings)
        if initImage.mask != nil, facts.isStableDiffusionCpp {
            notes.append("\(config.label) (stable-diffusion.cpp) ignores mask blur, masked content and the inpaint area: "
                + "it inpaints the whole picture with a sharp mask, starting from the original")
        }
        return A1111Job(path: "/sdapi/v1/img2img", body: body, notes: notes)
    }

    /// The txt2img body: the catalogue's sampler and schedule as the server names them, an
    /// explicit seed, the model, clip skip and noise source as `override_settings`, the hires
    /// fix, and on `sd-server` the prompt's LoRAs in its `lora` field.
    func txt2img(_ settings: RenderSettings, model: EngineModel, facts: A1111Server) throws
        -> (request: A1111API.Txt2ImgRequest, notes: [String]) {
        guard let sampler = facts.samplerNames[settings.sampler] else {
            throw RemoteEngineError.refused(
                "sampler '\(settings.sampler.displayName)' is not offered by \(config.label) (it has: \(facts.serverSamplers.joined(separator: ", ")))")
        }
        guard settings.rng != .comfyui else {
            throw RemoteEngineError.refused("rng 'comfyui' is ComfyUI's noise, rendered by the local engine; \(config.label) takes cpu, gpu or nv")
        }
        var scheduler: String?
        if !facts.scheduleNames.isEmpty {
            guard let name = facts.scheduleNames[settings.schedule] else {
                throw RemoteEngineError.refused(
                    "schedule '\(SamplerCatalog.entry(for: settings.schedule).displayName)' is not offered by \(config.label)")
            }
            scheduler = name
        }
        let (prompt, loras, notes) = try loraRequest(settings.prompt, facts: facts)
        var request = A1111API.Txt2ImgRequest(
            prompt: prompt, negative_prompt: settings.negativePrompt, steps: settings.steps,
            cfg_scale: settings.cfgScale, seed: settings.seed, sampler_name: sampler, scheduler: scheduler,
            width: settings.width, height: settings.height, batch_size: settings.batchSize,
            override_settings: A1111API.OverrideSettings(
                sd_model_checkpoint: model.id, CLIP_stop_at_last_layers: settings.clipSkip,
                randn_source: settings.rng.displayName))
        if facts.isStableDiffusionCpp {
            request.clip_skip = settings.clipSkip
            request.lora = loras
        }
        if let hires = settings.hires {
            request.enable_hr = true
            request.hr_scale = hires.scale
            request.hr_upscaler = hires.unavailableUpscaler ?? hires.upscaler.displayName
            request.hr_second_pass_steps = hires.steps
            request.hr_steps = hires.steps
            request.denoising_strength = settings.hiresStrength
        }
        return (request, notes)
    }

    /// The prompt's `<lora:name:weight>` tags checked against the server's `/sdapi/v1/loras`.
    /// A1111 reads them from the prompt itself (its `extra_networks` parser), so they stay;
    /// `sd-server` does not, so there they are taken out of the prompt and sent as its `lora`
    /// list (a name the server lacks is dropped, as sd.cpp's own tag parser drops it). Each
    /// name the server lacks is a note; the render goes on without it, as on A1111.
    func loraRequest(_ prompt: String, facts: A1111Server) throws -> (prompt: String, loras: [A1111API.SDCppLora], notes: [String]) {
        guard facts.loras != nil || facts.isStableDiffusionCpp else { return (prompt, [], []) }
        let (text, tags): (String, [LoraTag])
        do { (text, tags) = try LoraTag.extract(from: prompt) } catch { throw RemoteEngineError.refused("prompt: \(error)") }
        var loras: [A1111API.SDCppLora] = []
        var notes: [String] = []
        for tag in tags {
            guard tag.kind != .hypernet else {
                if facts.isStableDiffusionCpp { notes.append("hypernetwork '\(tag.name)' not applied: \(config.label) has no hypernetworks") }
                continue
            }
            guard let found = facts.lora(named: tag.name) else {
                let names = (facts.loras ?? []).map(\.name)
                notes.append("lora '\(tag.name)' is not on \(config.label) (it has: \(names.isEmpty ? "no LoRAs" : names.joined(separator: ", "))); rendered without it")
                continue
            }
            if tag.weight != tag.unetWeight, facts.isStableDiffusionCpp {
                notes.append("lora '\(tag.name)': \(config.label) takes one weight; sent the UNet's \(tag.unetWeight) (text encoder \(tag.weight) not applied)")
            }
            loras.append(A1111API.SDCppLora(path: found.path ?? found.name, multiplier: tag.unetWeight))
        }
        return (facts.isStableDiffusionCpp ? text : prompt, loras, notes)
    }

    /// The img2img body: the common fields without the hires fix, the init image and mask as
    /// base64 PNGs, and A1111's inpainting fields (`StableDiffusionProcessingImg2Img`).
    func img2img(_ common: A1111API.Txt2ImgRequest, initImage: InitImage, settings: RenderSettings) throws -> A1111API.Img2ImgRequest {
        guard let strength = settings.denoisingStrength else {
            throw EngineError.invalidRequest(field: "strength", reason: "an init image needs a strength in (0, 1]")
        }
        var request = A1111API.Img2ImgFields(init_images: [try Self.base64PNG(initImage.image)], denoising_strength: strength)
        if let mask = initImage.mask {
            request.mask = try Self.base64PNG(RGBImage(width: mask.width, height: mask.height,
                                                       pixels: mask.pixels.flatMap { [$0, $0, $0] }))
            request.mask_blur = settings.maskBlur ?? 0
            request.inpainting_fill = 1
            switch initImage.area {
            case .wholePicture:
                request.inpaint_full_res = false
                request.inpaint_full_res_padding = 0
            case .onlyMasked(let padding):
                request.inpaint_full_res = true
                request.inpaint_full_res_padding = padding
            }
            request.inpainting_mask_invert = 0
        }
        return A1111API.Img2ImgRequest(common: common, fields: request)
    }

    static func base64PNG(_ image: RGBImage) throws -> String {
        Data(try PNGEncoder.encode(image)).base64EncodedString()
    }
}
