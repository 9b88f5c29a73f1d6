import SafeTensors
import Tensor

/// One component's weights (UNet, VAE or text encoder) under canonical names, read lazily from
/// a memory-mapped `.safetensors` file.
///
/// Canonical names are the A1111/LDM single-file names with the component prefix removed,
/// whatever layout the file has:
/// - UNet: as under `model.diffusion_model.` — `input_blocks.0.0.weight`,
///   `input_blocks.1.0.in_layers.2.weight`, `input_blocks.1.1.transformer_blocks.0.attn1.to_q.weight`,
///   `middle_block.1.proj_in.weight`, `output_blocks.2.1.conv.weight`, `out.2.weight`,
///   `time_embed.0.weight`.
/// - VAE: as under `first_stage_model.` — `encoder.conv_in.weight`, `encoder.down.0.block.0.conv1.weight`,
///   `encoder.mid.attn_1.q.weight` (always [C, C, 1, 1]), `decoder.up.0.block.0.conv1.weight`,
///   `decoder.norm_out.weight`, `quant_conv.weight`, `post_quant_conv.weight`.
/// - Text encoder: transformers' CLIP names as under `cond_stage_model.transformer.text_model.` —
///   `embeddings.token_embedding.weight`, `embeddings.position_embedding.weight`,
///   `encoder.layers.0.self_attn.q_proj.weight`, `encoder.layers.0.mlp.fc1.weight`,
///   `final_layer_norm.weight` (`embeddings.position_ids` is left out).
///
/// diffusers folders are translated into these names by `DiffusersUNetKeyMap` and
/// `DiffusersVAEKeyMap`. Errors name the key as it is (or would be) spelled in the file.
/// fp32 tensors borrow the mapping; fp16/bf16 tensors are widened on every `tensor` call, or
/// borrowed as they are by `halfWeights`.
public struct WeightTable: WeightSource, Sendable {
    /// The file the weights come from.
    public let file: SafeTensorsFile
    /// How the file names this component.
    public let keyMap: ComponentKeyMap
    /// Canonical key → key in the file.
    private let fileKeys: [String: String]

    /// Collects every key of `file` that `keyMap` assigns to this component.
    public init(file: SafeTensorsFile, keyMap: ComponentKeyMap) {
        self.file = file
        self.keyMap = keyMap
        var fileKeys: [String: String] = [:]
        for key in file.names {
            guard let canonical = keyMap.canonicalKey(forFileKey: key) else { continue }
            // Keep the first spelling (sorted order) should two keys map to one name.
            if fileKeys[canonical] == nil { fileKeys[canonical] = key }
        }
        self.fileKeys = fileKeys
    }

    /// Canonical keys, sorted.
    public var keys: [String] { fileKeys.keys.sorted() }

    public var isEmpty: Bool { fileKeys.isEmpty }

    public func contains(_ key: String) -> Bool { fileKeys[key] != nil }

    /// The key as spelled in the file (or as it would be, for a key the file lacks).
    public func fileKey(_ key: String) -> String { fileKeys[key] ?? keyMap.fileKey(forCanonicalKey: key) }

    /// The canonical shape of `key`, from the header only (no tensor data is touched).
    public func shape(_ key: String) -> [Int]? {
        guard let fileKey = fileKeys[key], let entry = file.entries[fileKey] else { return nil }
        return canonicalShape(key, entry.shape)
    }

    /// The tensor `key` as fp32; when `shape` is given, a different shape is an error.
    public func tensor(_ key: String, shape expected: [Int]? = nil) throws -> Tensor {
        guard let stored = fileKeys[key] else {
            throw SafeTensorsError(file: file.displayName, tensor: fileKey(key), reason: .missingTensor)
        }
        var tensor = try file.tensor(stored)
        let shape = canonicalShape(key, tensor.shape)
        if let expected, expected != shape {
            throw CheckpointError.shapeMismatch(file: file.displayName, key: stored, shape: shape, expected: expected)
        }
        if shape != tensor.shape { tensor = tensor.reshaped(shape) }
        return tensor
    }

    /// The tensor `key` in the file's fp16/bf16 form, borrowed from the mapping, canonical
    /// shape; nil when the file stores it otherwise. Errors as for `tensor`.
    public func halfWeights(_ key: String, shape expected: [Int]? = nil) throws -> HalfWeights? {
        guard let stored = fileKeys[key] else {
            throw SafeTensorsError(file: file.displayName, tensor: fileKey(key), reason: .missingTensor)
        }
        guard let half = try file.halfWeights(stored) else { return nil }
        let shape = canonicalShape(key, half.shape)
        if let expected, expected != shape {
            throw CheckpointError.shapeMismatch(file: file.displayName, key: stored, shape: shape, expected: expected)
        }
        return shape == half.shape ? half : half.viewed(as: shape)
    }

    /// The tensor `key` as stored on disk (see `SafeTensorsFile.tensorFromDisk`), canonical
    /// shape: the original values even after a merge has written into the borrowed weights.
    public func originalTensor(_ key: String) throws -> Tensor {
        guard let stored = fileKeys[key] else {
            throw SafeTensorsError(file: file.displayName, tensor: fileKey(key), reason: .missingTensor)
        }
        let tensor = try file.tensorFromDisk(stored)
        return tensor.reshaped(canonicalShape(key, tensor.shape))
    }

    /// Linear [C, C] weights that the canonical naming holds as 1×1 convolutions.
    private func canonicalShape(_ key: String, _ shape: [Int]) -> [Int] {
        shape.count == 2 && keyMap.convolutionWeights.contains(key) ? shape + [1, 1] : shape
    }
}
