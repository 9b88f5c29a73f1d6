import Catalog
import EngineAPI
import Foundation

/// What one ComfyUI server offers, read from `/object_info`: its checkpoints
/// (`CheckpointLoaderSimple.ckpt_name`), its diffusion models (`UNETLoader.unet_name`, FLUX
/// and the like), its LoRAs (`LoraLoader.lora_name`), and KSampler's `sampler_name` and `scheduler` choices matched to the
/// catalogue. Nothing here is hard-coded: a server with other samplers offers other ones.
struct ComfyServer {
    var checkpoints: [String]
    var diffusionModels: [String]
    var loras: [String]
    var samplerNames: [Sampler: String]
    var scheduleNames: [Schedule: String]
    var serverSamplers: [String]
    var serverSchedulers: [String]

    /// The id prefix of a `UNETLoader` model, which renders through a diffusion-model template.
    static let diffusionModelPrefix = "diffusion_models/"

    static func read(from http: HTTPClient) throws -> ComfyServer {
        let checkpoints = try choices(http, node: "CheckpointLoaderSimple", input: "ckpt_name")
        let unets = (try? choices(http, node: "UNETLoader", input: "unet_name")) ?? []
        let loras = (try? choices(http, node: "LoraLoader", input: "lora_name")) ?? []
        let samplers = try choices(http, node: "KSampler", input: "sampler_name")
        let schedulers = try choices(http, node: "KSampler", input: "scheduler")
        var samplerNames: [Sampler: String] = [:], scheduleNames: [Schedule: String] = [:]
        for name in samplers { if let s = CatalogueNames.sampler([name]), samplerNames[s] == nil { samplerNames[s] = name } }
        for name in schedulers { if let s = CatalogueNames.schedule([name]), scheduleNames[s] == nil { scheduleNames[s] = name } }
        return ComfyServer(checkpoints: checkpoints, diffusionModels: unets, loras: loras, samplerNames: samplerNames,
                           scheduleNames: scheduleNames, serverSamplers: samplers, serverSchedulers: schedulers)
    }

    /// A combo input's choices from `/object_info/NODE`: `input.required.INPUT[0]`, a list
    /// (or, in newer servers, `["COMBO", {"options": [...]}]`).
    static func choices(_ http: HTTPClient, node: String, input: String, timeout: Double = 30) throws -> [String] {
        let path = "/object_info/\(node)"
        let info = try http.getJSON([String: JSONValue].self, path, timeout: timeout)
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

    /// The models, each with its family guessed from its name (a diffusion model that names
    /// no family is taken for FLUX, the one such template there is).
    var engineModels: [EngineModel] {
        checkpoints.map { Self.model(id: $0, file: $0, guess: nil) }
            + diffusionModels.map { file in
                var guess = FamilyGuess.fromName(Self.name(of: file))
                if guess.family == .sd1 { guess.family = .flux }
                return Self.model(id: Self.diffusionModelPrefix + file, file: file, guess: guess)
            }
    }

    static func name(of file: String) -> String { URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent }

    static func model(id: String, file: String, guess: FamilyGuess?) -> EngineModel {
        let guess = guess ?? FamilyGuess.fromName(name(of: file))
        var model = EngineModel(id: id, name: name(of: file), family: guess.family)
        model.familyGuess = guess
        return model
    }

    /// `model` with its family guessed from its file's safetensors metadata when the server
    /// shows it (`GET /view_metadata/{folder}?filename=`, ComfyUI's `server.py`
    /// `view_metadata`: the header's `__metadata__`, 404 when it has none); else as it was.
    static func withMetadataGuess(_ model: EngineModel, http: HTTPClient) -> EngineModel {
        let diffusion = model.id.hasPrefix(diffusionModelPrefix)
        let file = diffusion ? String(model.id.dropFirst(diffusionModelPrefix.count)) : model.id
        guard file.hasSuffix(".safetensors") else { return model }
        var query = URLComponents()
        query.queryItems = [URLQueryItem(name: "filename", value: file)]
        let path = "/view_metadata/\(diffusion ? "diffusion_models" : "checkpoints")?" + (query.percentEncodedQuery ?? "")
        guard let metadata = try? http.getJSON([String: JSONValue].self, path),
              let guess = FamilyGuess.fromMetadata(metadata.compactMapValues(\.string)) else { return model }
        var guessed = model
        guessed.family = guess.family
        guessed.familyGuess = guess
        return guessed
    }

    /// The server's model a user's name means: its id, its file name, or that without extension.
    func model(named wanted: String) -> EngineModel? {
        engineModels.first { $0.id == wanted }
            ?? engineModels.first { URL(fileURLWithPath: $0.id).lastPathComponent == wanted }
            ?? engineModels.first { $0.name == wanted }
    }
}
