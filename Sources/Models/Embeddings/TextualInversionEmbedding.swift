import Foundation
import SafeTensors
import Tensor
import TorchPickle

/// A textual-inversion embedding: N vectors of the text encoder's width, named by the file's
/// stem (A1111: the word that calls it in a prompt).
///
/// Layouts read (A1111 `modules/textual_inversion/textual_inversion.py`,
/// `EmbeddingDatabase.load_from_file` / `create_embedding_from_data`):
/// - `.safetensors` with `emb_params`, or with one tensor of any name (diffusers' `<token>`);
/// - A1111 `.pt` (`torch.save` zip) with `string_to_param` holding one tensor, or a
///   one-tensor dict, read by `TorchPickle`'s restricted reader, which executes nothing;
/// - SDXL's pair: `.safetensors` with `clip_l` [N, 768] and `clip_g` [N, 1280], one set of
///   vectors per text encoder (A1111 `create_embedding_from_data`, the `clip_g`/`clip_l`
///   dict; `sd_hijack_clip.py` gives each encoder its part by `textual_inversion_key`).
/// A 1-D tensor is one vector. A file whose width is not the text encoder's is refused (A1111
/// skips it); so is SDXL's pair on a one-encoder model, and a single tensor on SDXL.
public struct TextualInversionEmbedding: Sendable {
    public let name: String
    public let url: URL
    /// One [N, width] set per text encoder, in context order (SDXL: `clip_l`, `clip_g`).
    public let vectorSets: [Tensor]
    /// The first encoder's [N, width].
    public var vectors: Tensor { vectorSets[0] }

    public var count: Int { vectors.shape[0] }

    public init(name: String, url: URL, vectors: Tensor) {
        self.init(name: name, url: url, vectorSets: [vectors])
    }

    public init(name: String, url: URL, vectorSets: [Tensor]) {
        self.name = name
        self.url = url
        self.vectorSets = vectorSets
    }

    /// Reads `url` for a one-encoder model `width` wide (nil: any width, for counting tokens).
    public init(contentsOf url: URL, width: Int?) throws {
        try self.init(contentsOf: url, widths: width.map { [$0] })
    }

    /// Reads `url` for text encoders of `widths` (context order; nil: any, for counting tokens).
    public init(contentsOf url: URL, widths: [Int]?) throws {
        let shown = url.lastPathComponent
        let raw: [(label: String, tensor: Tensor)]
        switch url.pathExtension.lowercased() {
        case "safetensors": raw = try Self.safetensorsVectors(url)
        case "pt", "bin": raw = [("embedding", try Self.pickleVectors(url))]
        default: throw AdapterError.unreadable(file: shown, reason: "embeddings are .safetensors or .pt files")
        }
        let sets = try raw.map { label, tensor -> Tensor in
            let vectors = tensor.shape.count == 1 ? tensor.reshaped([1, tensor.count]) : tensor
            guard vectors.shape.count == 2, vectors.shape[0] > 0 else {
                throw AdapterError.unreadable(file: shown, reason: "\(label) tensor \(tensor.shape) is not [N, width]")
            }
            return vectors
        }
        if sets.count == 2, sets[0].shape[0] != sets[1].shape[0] {
            throw AdapterError.unreadable(file: shown, reason: "clip_l has \(sets[0].shape[0]) vectors and clip_g \(sets[1].shape[0])")
        }
        if let widths { try Self.check(sets, labels: raw.map(\.label), against: widths, file: shown) }
        self.init(name: url.deletingPathExtension().lastPathComponent, url: url, vectorSets: sets)
    }

    /// One set per encoder, each of its encoder's width, or one line saying what does not fit.
    private static func check(_ sets: [Tensor], labels: [String], against widths: [Int], file: String) throws {
        if sets.count == 2, widths.count == 1 {
            throw AdapterError.wrongFamily(file: file, reason: "an SDXL embedding (clip_l + clip_g); this model has one text encoder")
        }
        if sets.count == 1, widths.count == 2 {
            throw AdapterError.wrongFamily(
                file: file, reason: "one tensor of width \(sets[0].shape[1]); an SDXL model needs clip_l [N, \(widths[0])] and clip_g [N, \(widths[1])]")
        }
        for (i, set) in sets.enumerated() where i < widths.count && set.shape[1] != widths[i] {
            let what = sets.count == 1 ? "embedding" : labels[i]
            let encoder = widths.count == 1 ? "the text encoder's" : "text encoder \(i + 1)'s"
            throw AdapterError.wrongFamily(file: file, reason: "\(what) width \(set.shape[1]) does not match \(encoder) \(widths[i])")
        }
    }

    /// The file's vector sets with their labels: `clip_l`, `clip_g` for SDXL's pair, else one.
    private static func safetensorsVectors(_ url: URL) throws -> [(label: String, tensor: Tensor)] {
        let shown = url.lastPathComponent
        let file: SafeTensorsFile
        do { file = try SafeTensorsFile(url: url) } catch {
            throw AdapterError.unreadable(file: shown, reason: "not a readable safetensors file (\(error))")
        }
        if file.entries["clip_l"] != nil, file.entries["clip_g"] != nil {
            return [("clip_l", try file.tensor("clip_l").copy()), ("clip_g", try file.tensor("clip_g").copy())]
        }
        let name = file.entries["emb_params"] != nil ? "emb_params" : file.names.count == 1 ? file.names[0] : nil
        guard let name else {
            throw AdapterError.unreadable(file: shown, reason: "no 'emb_params' and \(file.names.count) tensors (expected one)")
        }
        return [("embedding", try file.tensor(name).copy())]
    }

    private static func pickleVectors(_ url: URL) throws -> Tensor {
        let archive = try TorchArchive(contentsOf: url, maximumBytes: 64 << 20)
        let shown = url.lastPathComponent
        var candidate: PickleValue?
        if case let .dict(params)? = archive.root["string_to_param"] {
            guard params.count == 1 else {
                throw AdapterError.unreadable(file: shown, reason: "string_to_param holds \(params.count) entries (expected one)")
            }
            candidate = params[0].value
        } else if case let .dict(items) = archive.root, items.count == 1 {
            candidate = items[0].value
        }
        guard case let .tensor(reference)? = candidate else {
            throw AdapterError.unreadable(file: shown, reason: "no embedding tensor (expected string_to_param or one tensor)")
        }
        return Tensor(shape: reference.shape, values: try archive.floats(reference))
    }
}
