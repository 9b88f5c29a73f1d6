import Foundation
import Tensor

/// Applies adapters to a loaded model in place and takes them off again, re-merging only the
/// layers whose set of (network, module, multiplier) changed: adding a LoRA touches its
/// layers, re-weighting it touches them again, removing it restores them, and every other
/// layer — and the model — stays as it is.
///
/// A changed layer is rebuilt as W′ = W + Σ m·scale·ΔW over the networks that now patch it,
/// with W re-read from the checkpoint (`PatchableWeights.original`), in fp32, then written
/// over the layer's weight (fp32 storage, or re-packed bf16 panels). No backup copies are
/// held; the cost of a switch is re-reading and re-merging the touched layers.
///
/// Source: A1111 `extensions-builtin/Lora/networks.py` `network_apply_weights` (restore from
/// the stored backup, then add every network's `calc_updown`), and ComfyUI
/// `comfy/model_patcher.py` (`patch_weight_to_device`, `unpatch_model`) with
/// `comfy/lora.py` `calculate_weight`.
public final class WeightPatcher: @unchecked Sendable {
    struct LayerKey: Hashable, Comparable {
        var component: AdapterComponent
        var key: String
        static func < (a: LayerKey, b: LayerKey) -> Bool { (a.component.description, a.key) < (b.component.description, b.key) }
    }

    struct Contribution: Equatable {
        var identity: String
        var module: String
        var multiplier: Float
        var rows: Range<Int>?
    }

    /// What `apply` did.
    public struct Summary: Equatable, Sendable {
        /// Layers re-merged or restored.
        public var layersChanged: Int
        /// Layers patched by some network after the call.
        public var layersPatched: Int
    }

    public let weights: [AdapterComponent: PatchableWeights]
    private var applied: [LayerKey: [Contribution]] = [:]
    /// `identity:te` of every network that patches a text encoder now, sorted.
    public private(set) var textSignature = ""
    private let lock = NSLock()

    public init(weights: [AdapterComponent: PatchableWeights]) {
        self.weights = weights
    }

    /// Makes the model carry exactly `adapters` (an empty list restores it).
    @discardableResult
    public func apply(_ adapters: [ActiveAdapter]) throws -> Summary {
        lock.lock(); defer { lock.unlock() }
        var desired: [LayerKey: [(Contribution, AdapterModule)]] = [:]
        for active in adapters {
            for (module, target) in active.adapter.patches {
                let m = active.multiplier(for: target.component)
                guard m != 0 else { continue }
                desired[LayerKey(component: target.component, key: target.key), default: []].append(
                    (Contribution(identity: active.identity, module: module.name, multiplier: m, rows: target.rows), module))
            }
        }
        let changed = Set(desired.keys).union(applied.keys).filter { (desired[$0] ?? []).map(\.0) != (applied[$0] ?? []) }
        for layer in changed.sorted() {
            do {
                try merge(layer, desired[layer] ?? [])
            } catch {
                try? merge(layer, [])   // leave that layer as the checkpoint has it
                applied[layer] = nil
                throw error
            }
            applied[layer] = desired[layer]?.map(\.0)
        }
        textSignature = adapters.filter { a in a.textMultiplier != 0 && a.adapter.patches.contains { $0.target.component.isTextEncoder } }
            .map { "\($0.identity):\($0.textMultiplier)" }.sorted().joined(separator: ";")
        return Summary(layersChanged: changed.count, layersPatched: applied.count)
    }

    /// W′ = W + Σ m·(scale·ΔW) over `contributions`, written over the layer's weight.
    private func merge(_ layer: LayerKey, _ contributions: [(Contribution, AdapterModule)]) throws {
        guard let registry = weights[layer.component], let entry = registry[layer.key] else {
            throw AdapterError.noSuchWeight(layer.key)
        }
        let merged = try registry.original(layer.key)                       // [O, I(, kh, kw)]
        let perRow = merged.count / entry.shape[0]
        for (contribution, module) in contributions {
            let rows = contribution.rows ?? 0..<entry.shape[0]
            let delta = try module.scaledDelta(outputs: rows.count, count: rows.count * perRow)
            let base = merged.pointer + rows.lowerBound * perRow, d = delta.pointer, m = contribution.multiplier
            for i in 0..<delta.count { base[i] += m * d[i] }
        }
        entry.weight.overwrite(with: merged)
    }
}
