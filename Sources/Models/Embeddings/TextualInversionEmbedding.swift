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
///   one-tensor dict, read by `TorchPickle`'s restricted reader, which executes nothing.
/// A 1-D tensor is one vector. A file whose width is not the text encoder's is refused (A1111
/// skips it); so is SDXL's `clip_l`/`clip_g` pair on a one-encoder model.
public struct TextualInversionEmbedding: Sendable {
    public let name: String
    public let url: URL
    /// [N, width]
    public let vectors: Tensor

    public var count: Int { vectors.shape[0] }

    public init(name: String, url: URL, vectors: Tensor) {
        self.name = name
        self.url = url
        self.vectors = vectors
    }

    /// Reads `url` for a text encoder `width` wide (nil: any width, for counting tokens).
    public init(contentsOf url: URL, width: Int?) throws {
        let shown = url.lastPathComponent
        let raw: Tensor
        switch url.pathExtension.lowercased() {
        case "safetensors": raw = try Self.safetensorsVectors(url)
        case "pt", "bin": raw = try Self.pickleVectors(url)
        default: throw AdapterError.unreadable(file: shown, reason: "embeddings are .safetensors or .pt files")
        }
        let vectors = raw.shape.count == 1 ? raw.reshaped([1, raw.count]) : raw
        guard vectors.shape.count == 2, vectors.shape[0] > 0 else {
            throw AdapterError.unreadable(file: shown, reason: "embedding tensor \(raw.shape) is not [N, width]")
        }
        if let width, vectors.shape[1] != width {
            throw AdapterError.wrongFamily(file: shown, reason: "embedding width \(vectors.shape[1]) does not match the text encoder's \(width)")
        }
        self.init(name: url.deletingPathExtension().lastPathComponent, url: url, vectors: vectors)
    }

    private static func safetensorsVectors(_ url: URL) throws -> Tensor {
        let shown = url.lastPathComponent
        let file: SafeTensorsFile
        do { file = try SafeTensorsFile(url: url) } catch {
            throw AdapterError.unreadable(file: shown, reason: "not a readable safetensors file (\(error))")
        }
        if file.entries["clip_l"] != nil || file.entries["clip_g"] != nil, file.entries.count == 2 {
            throw AdapterError.wrongFamily(file: shown, reason: "an SDXL embedding (clip_l + clip_g); this model has one text encoder")
        }
        let name = file.entries["emb_params"] != nil ? "emb_params" : file.names.count == 1 ? file.names[0] : nil
        guard let name else {
            throw AdapterError.unreadable(file: shown, reason: "no 'emb_params' and \(file.names.count) tensors (expected one)")
        }
        return try file.tensor(name).copy()
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
