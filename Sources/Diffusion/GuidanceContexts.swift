import Foundation
import Models
import Tensor

/// The `UNetTextContext`s of one generation, one per distinct (uncond, cond) pair of prompt
/// tensors (prompt editing switches between a few of them at set steps). Tensors are matched
/// by storage identity; the entries hold them, so an identity is never reused meanwhile.
final class GuidanceContexts: @unchecked Sendable {
    private var entries: [(uncond: Tensor?, cond: Tensor, context: UNetTextContext)] = []
    private let lock = NSLock()

    /// The context for cond alone ([1, T, D]) or for the CFG batch [uncond; cond] ([2, T, D]).
    func context(uncond: Tensor?, cond: Tensor) -> UNetTextContext {
        lock.lock(); defer { lock.unlock() }
        if let hit = entries.first(where: { $0.cond.storage === cond.storage && $0.uncond?.storage === uncond?.storage }) {
            return hit.context
        }
        let tokens = uncond.map { Tensor.concatenate([$0, cond], axis: 0) } ?? cond      // [B, T, D]
        let context = UNetTextContext(tokens)
        entries.append((uncond, cond, context))
        return context
    }
}
