import Catalog
import EngineAPI
import Foundation

/// What one ComfyUI server offers, read from `/object_info`: its checkpoints
/// (`CheckpointLoaderSimple.ckpt_name`), its diffusion models (`UNETLoader.unet_name`, FLUX
/// and the like), and KSampler's `sampler_name` and `scheduler` choices matched to the
/// catalogue. Nothing here is hard-coded: a server with other samplers offers other ones.
struct ComfyServer {
    var checkpoints: [String]
    var diffusionModels: [String]
    var samplerNames: [Sampler: String]
    var scheduleNames: [Schedule: String]
    var serverSamplers: [String]
    var serverSchedulers: [String]

    /// The id prefix of a `UNETLoader` model, which renders through a diffusion-model template.
    static let diffusionModelPrefix = "diffusion_models/"

    static func read(from http: HTTPClient) throws -> ComfyServer {
        let checkpoints = try choices(http, node: "CheckpointLoaderSimple", input: "ckpt_name")
        let unets = (try? choices(http, node: "UNETLoader", input: "unet_name")) ?? []
        let samplers = try choices(http, node: "KSampler", input: "sampler_name")
        let schedulers = try choices(http, node: "KSampler", input: "scheduler")
        var samplerNames: [Sampler: String] = [:], scheduleNames: [Schedule: String] = [:]
        for name in samplers { if let s = CatalogueNames.sampler([name]), samplerNames[s] == nil { samplerNames[s] = name } }
        for name in schedulers { if let s = CatalogueNames.schedule([name]), scheduleNames[s] == nil { scheduleNames[s] = name } }
        return ComfyServer(checkpoints: checkpoints, diffusionModels: unets, samplerNames: samplerNames,
                           scheduleNames: scheduleNames, serverSamplers: samplers, serverSchedulers: schedulers)
    }

    /// A combo input's choices from `/object_info/NODE`: `input.required.INPUT[0]`, a list
    /// (or, in newer servers, `["COMBO", {"options": [...]}]`).
    static func choices(_ http: HTTPClient, node: String, input: String) throws -> [String] {
        let path = "/object_info/\(node)"
        let info = try http.getJSON([String: JSONValue].self, path)
        guard let spec = info[node]?["input"]?["required"]?[input], case .array(let parts) = spec, let first = parts.first else {
            throw RemoteEngineError.badResponse(url: http.url(path).absoluteString, reason: "missing field '\(node).input.required.\(input)'")
        }
        let list: JSONValue?
        if case .array = first { list = first } else { list = parts.dropFirst().first?["options"] }
        guard case .array(let items)? = list else {
            throw RemoteEngineError.badResponse(url: http.url(path).absoluteString, reason: "'\(node).input.required.\(input)' has no choices")
        }
        return items.compactMap(\.string)
    }

    var engineModels: [EngineModel] {
        checkpoints.map { Self.model(id: $0, file: $0, family: ModelNameGuess.family($0)) }
            + diffusionModels.map { name in
                let guess = ModelNameGuess.family(name)
                return Self.model(id: Self.diffusionModelPrefix + name, file: name, family: guess == .sd1 ? .flux : guess)
            }
    }

    static func model(id: String, file: String, family: CheckpointFamily) -> EngineModel {
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return EngineModel(id: id, name: name, family: family)
    }

    /// The server's model a user's name means: its id, its file name, or that without extension.
    func model(named wanted: String) -> EngineModel? {
        engineModels.first { $0.id == wanted }
            ?? engineModels.first { URL(fileURLWithPath: $0.id).lastPathComponent == wanted }
            ?? engineModels.first { $0.name == wanted }
    }
}
