import PromptKit

extension WorkbenchReducer {
    /// After a model loads: when its checkpoint calls for another dialect than the document's
    /// (an SDXL file under the SD 1.5 dialect, a Pony file under plain SDXL), the document takes
    /// that dialect, and with it the family's advice on the sliders, and the size moves to the
    /// new family's size at the same aspect (SDXL's buckets, 1024 × 1024 for a square). A
    /// dialect that prompts the same checkpoints (Pony picked by hand on an SDXL file) stays.
    /// Returns nil when nothing changes.
    func adoptModelDialect(_ state: inout AppState, _ dialect: ModelFamily) -> Reaction? {
        let current = state.document.family
        let keep = current == dialect || (current.promptsSameCheckpoints(as: dialect) && dialect != .pony)
        guard !keep else { return nil }
        let settings = state.document.settings
        let size = AspectPreset.size(ratio: Double(settings.width) / Double(settings.height), for: dialect.profile)
        var reaction = change(&state, kind: nil) { doc in
            doc.grid.family = dialect
            doc.settings.width = size.width
            doc.settings.height = size.height
        }
        state.status = .info("\(state.model.name ?? "model") is \(dialect.profile.name): dialect \(dialect.rawValue), "
                             + "\(size.width)×\(size.height)")
        reaction.redraw.formUnion([.status, .parameters])
        return reaction
    }
}
