import Foundation
import Tensor

/// The text context of a UNet evaluation, [B, T, D], together with the keys and values each
/// cross-attention layer projects from it. The projections depend only on the context, so a
/// sampler that evaluates the UNet with the same context at every step computes them once:
/// the first call fills them in and later calls read them. For the 77-token contexts of a
/// small model at 8×8 latents the projections were most of the UNet's linear-layer work.
public final class UNetTextContext: @unchecked Sendable {
    /// The context tokens [B, T, D].
    public let tokens: Tensor

    private let lock = NSLock()
    /// Per cross-attention layer (keyed by its `ProjectionKey`, held so the identity stays
    /// unique): keys and values [B, T, C], outside any buffer pool.
    private var projections: [ObjectIdentifier: (owner: ProjectionKey, keys: Tensor, values: Tensor)] = [:]

    public init(_ tokens: Tensor) { self.tokens = tokens }

    /// The layer's keys and values for this context, computed by `project` on first use.
    func keysAndValues(for key: ProjectionKey, project: (Tensor) -> (Tensor, Tensor)) -> (Tensor, Tensor) {
        lock.lock()
        let known = projections[ObjectIdentifier(key)]
        lock.unlock()
        if let known { return (known.keys, known.values) }
        let (keys, values) = project(tokens)
        let kept = (owner: key, keys: keys.copyOutOfPool(), values: values.copyOutOfPool())
        lock.lock()
        projections[ObjectIdentifier(key)] = kept
        lock.unlock()
        return (kept.keys, kept.values)
    }
}

/// The identity of one cross-attention layer in `UNetTextContext`.
final class ProjectionKey: @unchecked Sendable {}
