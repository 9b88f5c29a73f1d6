import Catalog
import EngineAPI
import Foundation

/// What one A1111-API server offers, read from it once: its models, its sampler and scheduler
/// names matched to the catalogue, and whether it has `/progress` and `/interrupt` (A1111,
/// Forge and SD.Next do; stable-diffusion.cpp's `sd-server` answers 404 to both), its LoRAs
/// (`/sdapi/v1/loras`), and whether it is `sd-server` (it answers `/sdcpp/v1/capabilities`).
struct A1111Server {
    var models: [A1111API.SDModel]
    /// Catalogue sampler → the name the server takes.
    var samplerNames: [Sampler: String]
    /// The server's own sampler names, for messages.
    var serverSamplers: [String]
    /// Catalogue schedule → the server's name; empty when the server has no `/schedulers`.
    var scheduleNames: [Schedule: String]
    var hasProgress: Bool
    /// The checkpoint the server has loaded now (`/options`), used when the user names none.
    var currentModel: String?
    /// `/sdapi/v1/loras`, nil when the server has no such route (no LoRA support).
    var loras: [A1111API.LoraItem]?
    /// stable-diffusion.cpp's `sd-server`, which takes LoRAs and clip skip in its own fields
    /// (`A1111API.Txt2ImgRequest.lora`).
    var isStableDiffusionCpp = false

    static func read(from http: HTTPClient) throws -> A1111Server {
        let models = try http.getJSON([A1111API.SDModel].self, "/sdapi/v1/sd-models")
        let samplers = try http.getJSON([A1111API.SamplerItem].self, "/sdapi/v1/samplers")
        var samplerNames: [Sampler: String] = [:]
        for item in samplers {
            if let sampler = CatalogueNames.sampler([item.name] + (item.aliases ?? [])), samplerNames[sampler] == nil {
                samplerNames[sampler] = item.name
            }
        }
        var scheduleNames: [Schedule: String] = [:]
        if let schedulers = try? http.getJSON([A1111API.SchedulerItem].self, "/sdapi/v1/schedulers") {
            for item in schedulers {
                let names = [item.name] + [item.label].compactMap { $0 } + (item.aliases ?? [])
                if let schedule = CatalogueNames.schedule(names), scheduleNames[schedule] == nil {
                    scheduleNames[schedule] = item.name
                }
            }
        }
        let hasProgress = (try? http.get("/sdapi/v1/progress?skip_current_image=true", timeout: 10)) != nil
        let current = (try? http.getJSON(A1111API.Options.self, "/sdapi/v1/options"))?.sd_model_checkpoint
        let loras = try? http.getJSON([A1111API.LoraItem].self, "/sdapi/v1/loras")
        let sdcpp = (try? http.get("/sdcpp/v1/capabilities", timeout: 10)) != nil
        return A1111Server(models: models, samplerNames: samplerNames, serverSamplers: samplers.map(\.name),
                           scheduleNames: scheduleNames, hasProgress: hasProgress, currentModel: current,
                           loras: loras, isStableDiffusionCpp: sdcpp)
    }

    /// The server's LoRAs for the workbench's browser: A1111's `alias` (kohya's
    /// `ss_output_name`) when it differs from the name, the family from `ss_base_model_version`
    /// (`sd_v1`, `sd_v2`, `sdxl_…`), the title from `modelspec.title`. Sizes are unknown (0).
    static func adapterFiles(_ loras: [A1111API.LoraItem]) -> [AdapterFile] {
        loras.map { item in
            let metadata = item.metadata ?? [:]
            let base = metadata["ss_base_model_version"]?.text?.lowercased() ?? ""
            let family: CheckpointFamily? = base.hasPrefix("sdxl") ? .sdxl : base.hasPrefix("sd_v2") ? .sd2
                : base.hasPrefix("sd_v1") ? .sd1 : nil
            return AdapterFile(kind: .lora, name: item.name, alias: item.alias.flatMap { $0 == item.name || $0.isEmpty ? nil : $0 },
                               family: family, format: "LoRA", title: metadata["modelspec.title"]?.text,
                               bytes: 0, path: item.path ?? item.name)
        }
    }

    /// The server's LoRA a tag's name means: its name, else its alias.
    func lora(named name: String) -> A1111API.LoraItem? {
        loras?.first { $0.name == name } ?? loras?.first { $0.alias == name }
    }

    var engineModels: [EngineModel] { models.map(Self.engineModel) }

    /// A server's model; its family is guessed from its title (`/sd-models` offers no metadata).
    static func engineModel(_ model: A1111API.SDModel) -> EngineModel {
        let guess = FamilyGuess.fromName(model.title)
        var engineModel = EngineModel(id: model.title, name: model.model_name,
                                      hash: model.hash.flatMap { $0.isEmpty ? nil : String($0.prefix(10)) }, family: guess.family)
        engineModel.familyGuess = guess
        return engineModel
    }

    /// The server's model a user's name means: its title, its name, or its file's name.
    func model(named name: String) -> A1111API.SDModel? {
        models.first { $0.title == name } ?? models.first { $0.model_name == name }
            ?? models.first { ($0.filename.map { URL(fileURLWithPath: $0).lastPathComponent }) == name }
            ?? models.first { $0.title.hasPrefix(name + " ") || $0.title.hasPrefix(name + ".") }
    }
}
