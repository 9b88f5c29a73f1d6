import Catalog
import Foundation

/// A ComfyUI workflow in API format (`{"id": {"class_type", "inputs"}}`, what the UI's
/// "Export (API)" writes) whose inputs may be slots: a string `"{{name}}"` stands for a value
/// of the render settings and is replaced whole, with the value's JSON type. Slots:
///
/// | slot | value |
/// |---|---|
/// | `prompt`, `negative` | the prompts (string) |
/// | `seed`, `steps`, `width`, `height`, `batch` | integers |
/// | `cfg` | CFG scale (number) |
/// | `clip_layer` | −clip skip (`CLIPSetLastLayer.stop_at_clip_layer`) |
/// | `sampler`, `scheduler` | the server's own KSampler names for the catalogue's sampler and schedule |
/// | `model` | the server's model file name |
/// | `image` | an init image's file name in the server's input folder (Kontext) |
///
/// `prompt`, `seed`, `steps` and `model` must each appear; the rest may (the FLUX templates
/// have no negative prompt and pass CFG to `FluxGuidance`; Kontext takes its size from the
/// init image). Built-in
/// templates live in `Templates/*.json`; a user's is any such file named in the engine's
/// settings (`"template": "/path/to/mine.json"`).
public struct ComfyGraphTemplate: Decodable, Sendable {
    public var name: String
    public var description: String?
    /// The checkpoint families this template renders (`CheckpointFamily` raw values).
    public var families: [String]?
    public var graph: [String: JSONValue]

    /// Slots every template must have.
    public static let requiredSlots = ["prompt", "seed", "steps", "model"]
    public static let allSlots = requiredSlots + ["negative", "cfg", "width", "height", "batch", "clip_layer",
                                                  "sampler", "scheduler", "image"]

    /// Every slot name the graph uses.
    public var slots: Set<String> {
        var found: Set<String> = []
        func visit(_ value: JSONValue) {
            switch value {
            case .string(let text): if let slot = Self.slot(in: text) { found.insert(slot) }
            case .array(let items): items.forEach(visit)
            case .object(let object): object.values.forEach(visit)
            default: break
            }
        }
        graph.values.forEach(visit)
        return found
    }

    /// Checks the slots: each required one present, no unknown one.
    public func validate(source: String) throws {
        let used = slots
        if let missing = Self.requiredSlots.first(where: { !used.contains($0) }) {
            throw RemoteEngineError.settings("graph template '\(name)' (\(source)): missing slot {{\(missing)}}")
        }
        if let unknown = used.subtracting(Self.allSlots).sorted().first {
            throw RemoteEngineError.settings(
                "graph template '\(name)' (\(source)): unknown slot {{\(unknown)}} (slots: \(Self.allSlots.joined(separator: ", ")))")
        }
        if !graph.values.contains(where: { $0["class_type"]?.string == "SaveImage" }) {
            throw RemoteEngineError.settings("graph template '\(name)' (\(source)): no SaveImage node")
        }
    }

    /// The graph with every slot replaced by its value.
    public func filled(_ values: [String: JSONValue]) throws -> [String: JSONValue] {
        func fill(_ value: JSONValue) throws -> JSONValue {
            switch value {
            case .string(let text):
                guard let slot = Self.slot(in: text) else { return value }
                guard let filled = values[slot] else {
                    throw RemoteEngineError.settings("graph template '\(name)': no value for slot {{\(slot)}}")
                }
                return filled
            case .array(let items): return .array(try items.map(fill))
            case .object(let object): return .object(try object.mapValues(fill))
            default: return value
            }
        }
        return try graph.mapValues(fill)
    }

    static func slot(in text: String) -> String? {
        guard text.hasPrefix("{{"), text.hasSuffix("}}"), text.count > 4 else { return nil }
        return String(text.dropFirst(2).dropLast(2)).trimmingCharacters(in: .whitespaces)
    }

    // MARK: loading

    /// Names of the built-in templates.
    public static var builtInNames: [String] {
        let urls = (try? FileManager.default.contentsOfDirectory(at: templatesFolder, includingPropertiesForKeys: nil)) ?? []
        return urls.filter { $0.pathExtension == "json" }.map { $0.deletingPathExtension().lastPathComponent }.sorted()
    }

    static var templatesFolder: URL { Bundle.module.resourceURL!.appendingPathComponent("Templates") }

    /// A built-in template by name, or a template file by path; validated.
    public static func load(_ nameOrPath: String) throws -> ComfyGraphTemplate {
        let builtIn = templatesFolder.appendingPathComponent(nameOrPath + ".json")
        let url = FileManager.default.fileExists(atPath: builtIn.path)
            ? builtIn : URL(fileURLWithPath: (nameOrPath as NSString).expandingTildeInPath)
        guard let data = try? Data(contentsOf: url) else {
            throw RemoteEngineError.settings(
                "graph template '\(nameOrPath)': no such built-in template (\(builtInNames.joined(separator: ", "))) or readable file")
        }
        let template: ComfyGraphTemplate
        do {
            template = try JSONDecoder().decode(ComfyGraphTemplate.self, from: data)
        } catch let error as DecodingError {
            throw RemoteEngineError.settings("graph template \(url.path): \(DecodingErrorText.line(error))")
        }
        try template.validate(source: url.path)
        return template
    }
}
