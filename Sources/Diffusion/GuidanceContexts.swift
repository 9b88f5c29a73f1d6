import Foundation
import Models
import Tensor

/// The `UNetTextContext`s of one generation, one per distinct (uncond, cond) pair of prompt
/// conditionings (prompt editing switches between a few of them at set steps). Conditionings
/// are matched by their context tensors' storage identity; the entries hold them, so an
/// identity is never reused meanwhile. The UNet sees the context only; pooled and extra parts
/// are for families whose UNet takes them.
final class GuidanceContexts: @unchecked Sendable {
    private var entries: [(uncond: Tensor?, cond: Tensor, context: UNetTextContext)] = []
    private let lock = NSLock()

    /// The context for cond alone ([1, T, D]) or for the CFG batch [uncond; cond] ([2, T, D]).
    func context(uncond: Conditioning?, cond: Conditioning) -> UNetTextContext {
        let (uncond, cond) = (uncond?.context, cond.context)
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
