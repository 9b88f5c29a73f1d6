extension WorkbenchReducer {
    /// F11 / Ctrl-T: the history browser, over the list as last read; the TUI reads it again.
    func openHistory(_ state: inout AppState) -> Reaction {
        state.overlays.append(.history(HistoryBrowser()))
        return Reaction(redraw: [.overlay], effects: [.reloadHistory])
    }

    func performHistory(_ state: inout AppState, _ command: Command, _ browser: HistoryBrowser) -> Reaction {
        var browser = browser
        let count = state.historyItems.count
        let selected = count > 0 ? state.historyItems[min(browser.selected, count - 1)] : nil
        let page = max(1, HistoryBrowser.listRows(screenRows: state.rows))
        switch command {
        case .moveUp: browser.selected = max(0, browser.selected - 1)
        case .moveDown: browser.selected = max(0, min(count - 1, browser.selected + 1))
        case .pageUp: browser.selected = max(0, browser.selected - page)
        case .pageDown: browser.selected = max(0, min(count - 1, browser.selected + page))
        case .moveFirst: browser.selected = 0
        case .moveLast: browser.selected = max(0, count - 1)
        case .cancel, .showHistory:
            state.overlays.removeLast()
            return Reaction(redraw: [.overlay, .layout])
        case .restoreHistory:
            guard let item = selected else { return .none }
            state.overlays.removeLast()
            return restoreHistory(&state, item)
        case .saveHistoryImage:
            guard let item = selected else { return .none }
            return Reaction(effects: [.saveHistoryImage(id: item.id)])
        case .deleteHistoryEntry:
            guard let item = selected else { return .none }
            state.overlays.append(.confirm(Confirmation(question: "Delete the render of \(item.date) (seed \(item.document.settings.seed)) from the history?",
                                                        purpose: .deleteHistory(id: item.id))))
            return Reaction(redraw: [.overlay])
        default:
            return .none
        }
        state.overlays[state.overlays.count - 1] = .history(browser)
        return Reaction(redraw: [.overlay])
    }

    /// The entry's grid and settings (seed locked, so the same picture comes back) as one undo
    /// step; its model is loaded when it names another one.
    func restoreHistory(_ state: inout AppState, _ item: HistoryItem) -> Reaction {
        let previousModel = state.document.modelPath
        var reaction = change(&state, kind: nil) { doc in
            let model = doc.modelPath
            let initImage = doc.initImagePath
            doc = item.document
            doc.seedLocked = true
            doc.initImagePath = initImage
            if doc.modelPath == nil { doc.modelPath = model }
        }
        if let path = state.document.modelPath, path != previousModel {
            reaction.effects.append(.loadModel(path: path))
        }
        state.restoredHistoryID = item.id
        state.status = .success("Restored the render of \(item.date) (Ctrl-Z undoes)")
        reaction.redraw.formUnion([.overlay, .layout, .status])
        return reaction
    }

    /// What `renderFinished` asks the TUI to keep: the job's grid and settings as rendered,
    /// with the document's styles, model and raw prompt. Nothing is kept for a blank document
    /// (the render every session starts with: only the dialect's quality tags, so each launch
    /// would add one) or for the entry just restored, rendered unchanged (it is there already).
    func historyRecord(_ state: inout AppState, job: Int) -> Effect? {
        guard let last = state.lastJob, last.id == job else { return nil }
        if last.grid.isEmpty && state.document.raw == nil && state.document.styles.isEmpty { return nil }
        let restored = state.restoredHistoryID.flatMap { id in state.historyItems.first { $0.id == id } }
        state.restoredHistoryID = nil
        if let restored {
            var bare = last.settings
            bare.prompt = ""
            bare.negativePrompt = ""
            if bare == restored.document.settings && last.grid == restored.document.grid { return nil }
        }
        var document = state.document
        document.grid = last.grid
        document.settings = last.settings
        return .recordHistory(job: job, document: document)
    }

    func reduceHistoryResult(_ state: inout AppState, _ action: Action) -> Reaction {
        switch action {
        case .historyLoaded(let items, let notes):
            state.historyItems = items
            if case .history(var browser) = state.topOverlay {
                browser.selected = max(0, min(browser.selected, items.count - 1))
                state.overlays[state.overlays.count - 1] = .history(browser)
            }
            guard let first = notes.first else { return Reaction(redraw: [.overlay]) }
            state.status = .warning(notes.count == 1 ? first : "\(first) (and \(notes.count - 1) more)")
            return Reaction(redraw: [.overlay, .status])
        case .historyDeleted(let id):
            state.historyItems.removeAll { $0.id == id }
            if case .history(var browser) = state.topOverlay {
                browser.selected = max(0, min(browser.selected, state.historyItems.count - 1))
                state.overlays[state.overlays.count - 1] = .history(browser)
            }
            state.status = .success("Deleted the history entry")
            return Reaction(redraw: [.overlay, .status])
        default:
            return .none
        }
    }
}

extension HistoryBrowser {
    /// Rows of the browser's list on a screen `screenRows` tall (the window less its frame).
    public static func listRows(screenRows: Int) -> Int { max(1, min(screenRows - 4, 30) - 2) }
}
