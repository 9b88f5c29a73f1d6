import PromptKit

extension WorkbenchReducer {
    func reduceRender(_ state: inout AppState, _ action: Action) -> Reaction {
        switch action {
        case .renderDue:
            return startRender(&state)
        case .renderProgress(let job, let step, let total, let elapsed, let hasPreview):
            guard case .running(var progress) = state.render, progress.job == job else { return .none }
            progress.report(step: step, total: total, elapsed: elapsed)
            state.render = .running(progress)
            var redraw: Redraw = [.status]
            if hasPreview {
                state.preview = PreviewInfo(job: job, step: step, totalSteps: total, isFinal: false)
                redraw.insert(.preview)
            }
            return Reaction(redraw: redraw)
        case .renderFinished(let job, let elapsed):
            guard case .running(let progress) = state.render, progress.job == job else { return .none }
            state.render = .finished(job: job, seconds: elapsed, seed: progress.seed, steps: progress.totalSteps)
            state.lastFinished = state.render
            state.preview = PreviewInfo(job: job, step: progress.totalSteps, totalSteps: progress.totalSteps, isFinal: true)
            // A comparison's cells are not kept one by one in the history; its sheet is saved.
            if state.comparison?.jobs.last == job { return comparisonCellFinished(&state) }
            return Reaction(redraw: [.status, .preview], effects: historyRecord(&state, job: job).map { [$0] } ?? [])
        case .renderFailed(let job, let message):
            guard state.render.runningJob == job else { return .none }
            state.render = .failed(job: job, message: message)
            state.status = .error("Render failed: \(message)")
            endComparison(&state)
            return Reaction(redraw: [.status])
        case .modelLoading(let name):
            state.model = .loading(name: name)
            state.modelHash = nil
            return Reaction(redraw: [.status, .parameters])
        case .modelLoaded(let name, let dialect, let guess):
            state.model = .ready(name: name)
            let dialect = settleFamily(&state, name: name, dialect: dialect, guess: guess)
            refreshAnalysis(&state)
            if case .unavailable = state.render { state.render = .idle }
            let adopt = state.adoptDialectOnLoad
            state.adoptDialectOnLoad = false
            var reaction: Reaction
            if adopt, let dialect, let adopted = adoptModelDialect(&state, dialect) {
                reaction = adopted
            } else {
                reaction = restartRender(&state, delay: 0, force: false)
            }
            // A guessed family is said at once, with the key that corrects it.
            if let note = familyNote(state) { state.status = .info(note) }
            reaction.redraw.formUnion([.status, .parameters, .prompt])
            return reaction
        case .modelFailed(let name, let message):
            state.model = .failed(name: name, message: message)
            state.render = .unavailable(message: message)
            state.status = .error(message)
            return Reaction(redraw: [.status, .parameters], effects: [.cancelRender])
        case .modelHashed(let hash):
            state.modelHash = hash
            return .none
        case .modelsFound(let paths):
            state.availableModels = paths
            refreshAnalysis(&state)
            return Reaction(redraw: [.parameters, .prompt])
        default:
            return .none
        }
    }

    /// The debounce passed: start a job with the document's settings, unless they equal the last
    /// finished job's (and F5 did not ask) — a change that was undone needs no new render.
    func startRender(_ state: inout AppState) -> Reaction {
        guard state.render == .waiting else { return .none }
        guard case .ready = state.model else { return .none }   // modelLoaded starts it
        var settings = state.document.renderSettings(using: state.analysis.rendered)
        // A1111 records the checkpoint by name and hash ("Model", "Model hash").
        settings.modelName = state.model.name
        settings.modelHash = state.modelHash
        if !state.renderForced, case .finished(let job, _, let seed, _)? = state.lastFinished,
           let last = state.lastJob, last.id == job {
            var comparable = settings
            if !state.document.seedLocked { comparable.seed = seed }
            if comparable.expandingWildcards(environment.wildcards.expander).settings == last.settings {
                state.render = .finished(job: job, seconds: 0, seed: seed, steps: last.settings.steps)
                state.render = state.lastFinished ?? state.render
                return Reaction(redraw: [.status])
            }
        }
        if !state.document.seedLocked {
            settings.seed = nextRandomSeed(&state)
            state.document.settings.seed = settings.seed   // shown and saved; not an undo step
            // The prompt view shows the expansion of the seed that renders.
            if state.analysis.wildcards != nil { state.analysis = environment.analyze(state.document) }
        }
        // Wildcards expand from the render's seed; the templates go into the infotext.
        settings = settings.expandingWildcards(environment.wildcards.expander).settings
        let job = state.nextJob
        state.nextJob += 1
        state.renderForced = false
        if !state.engineNotes.isEmpty {   // the new job brings its own
            state.engineNotes = []
            refreshAnalysis(&state)
        }
        state.lastJob = (job, settings, state.document.grid)
        state.render = .running(RenderProgress(job: job, seed: settings.seed, totalSteps: settings.steps))
        return Reaction(redraw: [.status, .parameters, .prompt], effects: [.startRender(job: job, settings: settings)])
    }
}
