import PromptKit

extension WorkbenchReducer {
    /// Commands that mean the same wherever they come from; nil for the others.
    func performApplication(_ state: inout AppState, _ command: Command) -> Reaction? {
        switch command {
        case .quit:
            state.quitRequested = true
            return Reaction(effects: state.render.runningJob != nil ? [.cancelRender, .quit] : [.quit])
        case .showHelp:
            if case .help = state.topOverlay {
                state.overlays.removeLast()
            } else {
                state.overlays.append(.help(scroll: 0))
            }
            return Reaction(redraw: [.overlay, .layout])
        case .undo, .redo:
            return undoRedo(&state, redo: command == .redo)
        case .saveImage:
            return saveImage(&state)
        case .renderNow:
            return restartRender(&state, delay: 0, force: true)
        default:
            break
        }
        // The rest only from the workbench itself (no overlay, not typing).
        guard state.topOverlay == nil, state.editor == nil else { return nil }
        switch command {
        case .focusNext, .focusPrevious:
            let panes = state.layout.focusablePanes
            let index = panes.firstIndex(of: state.focus) ?? 0
            let step = command == .focusNext ? 1 : panes.count - 1
            state.focus = panes[(index + step) % panes.count]
            return Reaction(redraw: [.layout])
        case .copyPrompt:
            let rendered = state.analysis.rendered
            var text = rendered.prompt
            if let negative = rendered.negative, !negative.isEmpty { text += "\nNegative prompt: " + negative }
            return Reaction(effects: [.copyToClipboard(text)])
        case .openImage:
            state.overlays.append(.textEntry(TextEntry(title: "Load parameters from PNG", purpose: .openImage)))
            return Reaction(redraw: [.overlay])
        case .pickInitImage:
            state.overlays.append(.textEntry(TextEntry(title: "Init image (PNG; Tab completes)",
                                                       text: state.document.initImagePath.flatMap { $0.hasPrefix("(") ? nil : $0 } ?? "",
                                                       purpose: .initImage)))
            return Reaction(redraw: [.overlay])
        case .useResultAsInit:
            guard case .finished(let job, _, _, _)? = state.lastFinished, state.lastJob?.id == job else {
                state.status = .warning("No finished image to refine yet")
                return Reaction(redraw: [.status])
            }
            return Reaction(effects: [.useResultAsInit(job: job)])
        case .clearInitImage:
            guard state.document.initImagePath != nil else { return Reaction.none }
            var reaction = change(&state, kind: nil) {
                $0.initImagePath = nil
                $0.settings.denoisingStrength = nil
            }
            state.renderForced = true
            state.status = .info("Init image dropped: txt2img again")
            reaction.redraw.formUnion([.status, .preview])
            return reaction
        case .showPresets:
            state.overlays.append(.presets(PresetBrowser()))
            return Reaction(redraw: [.overlay], effects: [.reloadPresets])
        case .cancelRender:
            guard state.render.runningJob != nil || state.render == .waiting else { return Reaction.none }
            state.render = .idle
            state.status = .info("Render stopped (F5 renders again)")
            return Reaction(redraw: [.status], effects: [.cancelRender])
        case .nextDialect:
            let all = ModelFamily.allCases
            let next = all[((all.firstIndex(of: state.document.family) ?? 0) + 1) % all.count]
            return change(&state, kind: nil) { $0.grid.family = next }
        default:
            return nil
        }
    }

    func undoRedo(_ state: inout AppState, redo: Bool) -> Reaction {
        let current = state.document
        guard let restored = redo ? state.history.redo(current) : state.history.undo(current) else {
            state.status = .info(redo ? "Nothing to redo" : "Nothing to undo")
            return Reaction(redraw: [.status])
        }
        state.document = restored
        if state.editor != nil { state.editor = TextField(restored.grid.text(at: state.gridCursor)) }
        var reaction = documentChanged(&state)
        if restored.modelPath != current.modelPath, let path = restored.modelPath {
            reaction.effects.append(.loadModel(path: path))
        }
        state.status = .info(redo ? "Redone" : "Undone")
        return reaction
    }

    func saveImage(_ state: inout AppState) -> Reaction {
        guard let preview = state.preview, preview.isFinal, let job = state.lastJob, job.id == preview.job else {
            state.status = .warning("No finished image to save yet")
            return Reaction(redraw: [.status])
        }
        return Reaction(effects: [.saveImage(settings: job.settings, grid: job.grid)])
    }

    func performHelp(_ state: inout AppState, _ command: Command) -> Reaction {
        guard case .help(let scroll) = state.topOverlay else { return .none }
        let page = max(1, state.rows - 6)
        let lines = environment.keymap.helpSections.reduce(0) { $0 + $1.bindings.count + 2 }
        let maxScroll = max(0, lines - page)
        var newScroll = scroll
        switch command {
        case .closeOverlay, .cancel:
            state.overlays.removeLast()
            return Reaction(redraw: [.overlay, .layout])
        case .moveUp: newScroll -= 1
        case .moveDown: newScroll += 1
        case .pageUp: newScroll -= page
        case .pageDown: newScroll += page
        default: return .none
        }
        state.overlays[state.overlays.count - 1] = .help(scroll: min(max(0, newScroll), maxScroll))
        return Reaction(redraw: [.overlay])
    }
}
