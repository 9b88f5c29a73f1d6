import PromptKit

extension WorkbenchReducer {
    /// After a model loads: when its checkpoint calls for another dialect than the document's
    /// (an SDXL file under the SD 1.5 dialect, a Pony file under plain SDXL), the document takes
    /// that dialect, and with it the family's advice on the sliders, and the size moves to the
    /// new family's size at the same aspect (SDXL's buckets, 1024 × 1024 for a square). A
    /// dialect that prompts the same checkpoints (Pony picked by hand on an SDXL file) stays.
    /// Returns nil when nothing changes. Only a model the user picked brings its dialect
    /// (`AppState.adoptDialectOnLoad`).
    func adoptModelDialect(_ state: inout AppState, _ dialect: ModelFamily) -> Reaction? {
        let current = state.document.family
        let keep = current == dialect || (current.promptsSameCheckpoints(as: dialect) && dialect != .pony)
        guard !keep else { return nil }
        let settings = state.document.settings
        var size = AspectPreset.size(ratio: Double(settings.width) / Double(settings.height), for: dialect.profile)
        if let side = state.currentModelAdvice?.maxSide, max(size.width, size.height) > side {
            // A model with advice of its own (the demo model's 64 px) keeps to it.
            let scale = Double(side) / Double(max(size.width, size.height))
            size = (max(8, Int(Double(size.width) * scale) / 8 * 8), max(8, Int(Double(size.height) * scale) / 8 * 8))
        }
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
