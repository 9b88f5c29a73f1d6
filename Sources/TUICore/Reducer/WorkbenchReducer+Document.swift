import RenderSettings

extension WorkbenchReducer {
    /// Changes the document as one undoable step (`kind` coalesces repeated changes, e.g. typing
    /// in one field), refreshes the prompt view and restarts the render after the debounce.
    func change(_ state: inout AppState, kind: String?, _ body: (inout Document) -> Void) -> Reaction {
        let before = state.document
        body(&state.document)
        guard state.document != before else { return .none }
        state.history.record(before, kind: kind)
        return documentChanged(&state)
    }

    /// After any document change: new prompt analysis, running job cancelled, next one scheduled.
    /// A document with more than `immediateAnalysisBytes` of text is analysed after a pause in
    /// typing (`analysisDelay`), so tokenizing and lint never hold up a key (issue 17, item 6).
    func documentChanged(_ state: inout AppState) -> Reaction {
        var reaction = Reaction(redraw: .document)
        if state.document.grid.textBytes > Self.immediateAnalysisBytes {
            reaction.effects.append(.scheduleAnalysis(delay: Self.analysisDelay))
        } else {
            refreshAnalysis(&state)
        }
        reaction.merge(restartRender(&state, delay: environment.debounce, force: false))
        return reaction
    }

    /// Cancels the running job (the engine stops within one step) and schedules the next.
    func restartRender(_ state: inout AppState, delay: Double, force: Bool) -> Reaction {
        var effects: [Effect] = []
        if state.render.runningJob != nil { effects.append(.cancelRender) }
        endComparison(&state)
        if case .unavailable = state.render { return Reaction(redraw: [.status], effects: effects) }
        if case .failed = state.model { return Reaction(redraw: [.status], effects: effects) }
        if state.model == .none { return Reaction(redraw: [.status], effects: effects) }
        state.render = .waiting
        state.renderForced = state.renderForced || force
        effects.append(.scheduleRender(delay: delay))
        return Reaction(redraw: [.status], effects: effects)
    }

    /// The next SplitMix64 number, reduced like A1111's `random.randrange(4294967294)` so seeds
    /// stay in the range A1111 shows.
    func nextRandomSeed(_ state: inout AppState) -> UInt64 {
        var generator = SplitMix64(seed: state.randomState)
        let value = generator.next()
        state.randomState = generator.state
        return value % 4_294_967_294
    }
}
