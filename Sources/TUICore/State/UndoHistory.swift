/// Undo and redo over snapshots of a value, with coalescing: consecutive changes of the same
/// kind (typing into one field, nudging one slider) become one undo step.
public struct UndoHistory<Value: Equatable & Sendable>: Equatable, Sendable {
    public private(set) var past: [Value] = []
    public private(set) var future: [Value] = []
    /// The kind of the last recorded change; a change of the same kind merges into it.
    public private(set) var lastKind: String?
    public let limit: Int

    public init(limit: Int = 200) { self.limit = limit }

    public var canUndo: Bool { !past.isEmpty }
    public var canRedo: Bool { !future.isEmpty }

    /// Records that `before` is about to change. `kind` names the change for coalescing
    /// (nil never merges).
    public mutating func record(_ before: Value, kind: String?) {
        future.removeAll()
        if let kind, kind == lastKind, !past.isEmpty { return }
        past.append(before)
        if past.count > limit { past.removeFirst(past.count - limit) }
        lastKind = kind
    }

    /// Ends coalescing: the next change starts a new undo step.
    public mutating func seal() { lastKind = nil }

    /// The value to go back to, given the current one (which becomes redoable).
    public mutating func undo(_ current: Value) -> Value? {
        guard let previous = past.popLast() else { return nil }
        future.append(current)
        lastKind = nil
        return previous
    }

    /// The value to go forward to, given the current one.
    public mutating func redo(_ current: Value) -> Value? {
        guard let next = future.popLast() else { return nil }
        past.append(current)
        lastKind = nil
        return next
    }
}
