import Foundation
import Tensor

/// Every layer weight of one network that an adapter may change, by canonical key, with the
/// source to read its original values from. A merge overwrites the weight in place
/// (`GEMMWeight.overwrite`: fp32 storage or bf16 panels), so the layers keep running with
/// no rebuild; the originals are never kept in memory, only re-read from the source.
///
/// The idea is ComfyUI's `ModelPatcher` (`comfy/model_patcher.py`, `patch_weight_to_device`
/// and `unpatch_model`), with the checkpoint file playing the role of its backups.
public final class PatchableWeights: @unchecked Sendable {
    public struct Entry {
        public let weight: GEMMWeight
        /// The canonical shape (for example [C, C, 1, 1] for SD 1.x's `proj_in`).
        public let shape: [Int]
        let source: WeightSource
    }

    private var entries: [String: Entry] = [:]
    private let lock = NSLock()

    public init() {}

    func record(_ key: String, _ weight: GEMMWeight, shape: [Int], source: WeightSource) {
        lock.lock(); defer { lock.unlock() }
        entries[key] = Entry(weight: weight, shape: shape, source: source)
    }

    public subscript(key: String) -> Entry? {
        lock.lock(); defer { lock.unlock() }
        return entries[key]
    }

    /// Canonical keys, sorted.
    public var keys: [String] {
        lock.lock(); defer { lock.unlock() }
        return entries.keys.sorted()
    }

    /// Hands the file pages of every half-stored weight back (`GEMMWeight.releaseFilePages`).
    public func releaseFilePages() {
        lock.lock(); defer { lock.unlock() }
        for entry in entries.values { entry.weight.releaseFilePages() }
    }

    /// The weight's original values [shape], fp32, in fresh memory.
    public func original(_ key: String) throws -> Tensor {
        guard let entry = self[key] else { throw AdapterError.noSuchWeight(key) }
        return try entry.source.originalTensor(key).reshaped(entry.shape)
    }
}
