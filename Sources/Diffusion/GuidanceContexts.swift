import Foundation
import Models
import Tensor

/// The UNet inputs of one generation, one per distinct batch of conditionings (cond alone, or
/// uncond and cond; prompt editing switches between a few of them at set steps): the
/// `UNetTextContext` of the stacked contexts, whose cross-attention keys and values are
/// projected once, and the stacked `y` vectors for families whose UNet takes them.
/// Conditionings are matched by their tensors' storage identity; the entries hold them, so an
/// identity is never reused meanwhile.
final class GuidanceContexts: @unchecked Sendable {
    struct Inputs {
        /// Contexts [B, T, D].
        let context: UNetTextContext
        /// `Conditioning.vector`s [B, P + A], nil for families without `y`.
        let y: Tensor?
    }

    private var entries: [(batch: [Conditioning], inputs: Inputs)] = []
    private let lock = NSLock()

    /// The inputs for `batch` (each context [1, T, D] with one T, each vector [1, A]).
    func inputs(for batch: [Conditioning]) -> Inputs {
        lock.lock(); defer { lock.unlock() }
        if let hit = entries.first(where: { Self.same($0.batch, batch) }) { return hit.inputs }
        let tokens = Tensor.concatenate(batch.map(\.context), axis: 0)                  // [B, T, D]
        let vectors = batch.compactMap(\.vector)
        let y = vectors.count == batch.count ? Tensor.concatenate(vectors, axis: 0) : nil // [B, P + A]
        let inputs = Inputs(context: UNetTextContext(tokens), y: y)
        entries.append((batch, inputs))
        return inputs
    }

    private static func same(_ a: [Conditioning], _ b: [Conditioning]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            x.context.storage === y.context.storage && x.pooled?.storage === y.pooled?.storage
                && x.extra?.storage === y.extra?.storage
        }
    }
}
