import Foundation
import Tensor

/// An OpenCLIP text tower's weights, stored under open_clip names (a single file's
/// `conditioner.embedders.1.model.*`), handed out under transformers' CLIP names so that
/// `CLIPTextModel` reads them: names through `OpenCLIPTextKeyMap`, q/k/v as row thirds of the
/// fused `in_proj` tensors, `text_projection` transposed. Each tensor is read (and split) once,
/// when the network is built. Errors name the tensor as the file spells it.
///
/// Reference: diffusers `loaders/single_file_utils.py`, `convert_open_clip_checkpoint`.
struct OpenCLIPTextWeights: WeightSource {
    /// The tower's table in open_clip names (its embedder prefix already stripped).
    let table: WeightTable
    let keyMap: ComponentKeyMap

    init(_ table: WeightTable, layers: Int) {
        self.table = table
        keyMap = OpenCLIPTextKeyMap.keyMap(layers: layers)
    }

    func tensor(_ key: String, shape: [Int]?) throws -> Tensor {
        if let (fusedKey, block) = fusedSource(of: key) {
            let stored = keyMap.fileKey(forCanonicalKey: fusedKey)
            let fused = try table.tensor(stored)                                          // [3W, W] or [3W]
            let rows = fused.shape[0] / 3
            let part = [rows] + fused.shape.dropFirst()                                   // [W, W] or [W]
            guard fused.shape[0] % 3 == 0, shape == nil || shape! == part else {
                throw mismatch(stored, fused.shape, expected: shape.map { [3 * $0[0]] + $0.dropFirst() } ?? [])
            }
            let width = part.dropFirst().reduce(1, *)
            let out = Tensor(zeros: part)
            out.pointer.update(from: fused.pointer + block * rows * width, count: rows * width)
            return out
        }
        let stored = keyMap.fileKey(forCanonicalKey: key)
        guard OpenCLIPTextKeyMap.transposed.contains(key) else { return try table.tensor(stored, shape: shape) }
        let result = try table.tensor(stored).transposed2D()                             // [W, P] → [P, W]
        if let shape, shape != result.shape {
            throw mismatch(stored, Array(result.shape.reversed()), expected: Array(shape.reversed()))
        }
        return result
    }

    /// q/k/v as row thirds of the fused 16-bit `in_proj_weight`, other weights as stored;
    /// nil for the transposed `text_projection` (kept fp32) and for fp32 files.
    func halfWeights(_ key: String, shape: [Int]?) throws -> HalfWeights? {
        if let (fusedKey, block) = fusedSource(of: key) {
            let stored = keyMap.fileKey(forCanonicalKey: fusedKey)
            guard let fused = try table.halfWeights(stored) else { return nil }            // [3W, W] or [3W]
            let rows = fused.shape[0] / 3
            let part = [rows] + fused.shape.dropFirst()
            guard fused.shape[0] % 3 == 0, shape == nil || shape! == part else {
                throw mismatch(stored, fused.shape, expected: shape.map { [3 * $0[0]] + $0.dropFirst() } ?? [])
            }
            return fused.viewed(as: part, rows: block * rows ..< (block + 1) * rows)
        }
        guard !OpenCLIPTextKeyMap.transposed.contains(key) else { return nil }
        return try table.halfWeights(keyMap.fileKey(forCanonicalKey: key), shape: shape)
    }

    /// The fused key and row block a canonical q/k/v key comes from.
    private func fusedSource(of key: String) -> (String, Int)? {
        for rule in OpenCLIPTextKeyMap.fusedProjections {
            guard let range = key.range(of: rule.part) else { continue }
            return (key.replacingCharacters(in: range, with: rule.fused), rule.block)
        }
        return nil
    }

    private func mismatch(_ stored: String, _ shape: [Int], expected: [Int]) -> CheckpointError {
        .shapeMismatch(file: table.file.displayName, key: table.fileKey(stored), shape: shape, expected: expected)
    }
}

extension Tensor {
    /// The transpose of a matrix [R, C] → [C, R], in ordinary memory.
    func transposed2D() -> Tensor {
        let (rows, columns) = (shape[0], shape[1])
        let out = Tensor(zeros: [columns, rows])
        for r in 0..<rows {
            for c in 0..<columns { out.pointer[c * rows + r] = pointer[r * columns + c] }
        }
        return out
    }
}
