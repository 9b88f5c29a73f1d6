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
        // The rest only from the workbench itself (no overlay); a field being typed into is
        // finished first where the command leaves it.
        guard state.topOverlay == nil else { return nil }
        switch command {
        case .showPresets, .showHistory, .showAdapters, .openImage, .toggleVimKeys, .showEngines, .correctFamily:
            if state.editor != nil {
                state.editor = nil
                state.history.seal()
            }
        default:
            break
        }
        switch command {
        case .toggleVimKeys:
            state.keyStyle = state.keyStyle == .vim ? .standard : .vim
            state.status = .info(state.keyStyle == .vim
                ? "Vim-style keys: hjkl move, i edits, q quits, p presets (F9 turns them off)"
                : "Standard keys: typing types into the grid; commands on Ctrl and F-keys (F1 lists them)")
            return Reaction(redraw: [.status, .hint, .grid])
        case .focusNext, .focusPrevious:
            let panes = state.layout.focusablePanes
            let index = panes.firstIndex(of: state.focus) ?? 0
            let step = command == .focusNext ? 1 : panes.count - 1
            state.focus = panes[(index + step) % panes.count]
            return Reaction(redraw: [.layout])
        case .showHistory:
            return openHistory(&state)
        case .copyPrompt:
            let rendered = state.analysis.rendered
            var text = rendered.prompt
            if let negative = rendered.negative, !negative.isEmpty { text += "\nNegative prompt: " + negative }
            return Reaction(effects: [.copyToClipboard(text)])
        case .openImage:
            state.overlays.append(.textEntry(TextEntry(title: "Load an A1111 or ComfyUI PNG (Tab completes)", purpose: .openImage)))
            return Reaction(redraw: [.overlay], effects: [.listFolder("")])
        case .pickInitImage:
            let current = state.document.initImagePath.flatMap { $0.hasPrefix("(") ? nil : $0 } ?? ""
            state.overlays.append(.textEntry(TextEntry(title: "Init image (PNG; Tab completes)", text: current, purpose: .initImage)))
            return Reaction(redraw: [.overlay], effects: [.listFolder(PathCompletion.folderPart(current))])
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
        case .showAdapters:
            return openAdapters(&state)
        case .showPresets:
            state.overlays.append(.presets(PresetBrowser()))
            return Reaction(redraw: [.overlay], effects: [.reloadPresets])
        case .cancelRender:
            guard state.render.runningJob != nil || state.render == .waiting else { return Reaction.none }
            state.render = .idle
            state.status = .info(renderStoppedMessage(state))
            endComparison(&state)
            return Reaction(redraw: [.status], effects: [.cancelRender])
        case .showComparison:
            return openComparison(&state)
        case .showEngines:
            return openEngines(&state)
        case .correctFamily:
            return openFamilyCorrection(&state)
        case .nextDialect:
            let all = ModelFamily.allCases
            let next = all[((all.firstIndex(of: state.document.family) ?? 0) + 1) % all.count]
            return switchFamily(&state, to: next)
        default:
            return nil
        }
    }

    func undoRedo(_ state: inout AppState, redo: Bool) -> Reaction {
        let current = state.document
        guard var restored = redo ? state.history.redo(current) : state.history.undo(current) else {
            state.status = .info(redo ? "Nothing to redo" : "Nothing to undo")
            return Reaction(redraw: [.status])
        }
        // A model of another engine (the document was edited before an engine switch) stays put.
        if let path = restored.modelPath, !state.availableModels.isEmpty, !state.availableModels.contains(path) {
            restored.modelPath = current.modelPath
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
        let page = HelpLines.visibleRows(screenRows: state.rows)
        let lines = HelpLines.lines(keymap: environment.keymap, state: state).count
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
