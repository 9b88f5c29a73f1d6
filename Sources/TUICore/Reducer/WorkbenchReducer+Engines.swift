import EngineAPI
import Foundation

extension WorkbenchReducer {
    /// The engine picker: `local` and every engine of the settings file, the current one selected.
    func openEngines(_ state: inout AppState) -> Reaction {
        let entries = state.engines.entries
        let items = entries.map { entry in
            entry.name + (entry.name == state.engines.current ? " (now)" : "") + " — " + entry.detail
        }
        let selected = entries.firstIndex { $0.name == state.engines.current } ?? 0
        state.overlays.append(.picker(ListPicker(title: "Engine", items: items, selected: selected, purpose: .engine)))
        return Reaction(redraw: [.overlay])
    }

    /// An engine picked: connect to it in the background (the running render stops first);
    /// the workbench stays on the current engine until `engineConnected`.
    func chooseEngine(_ state: inout AppState, index: Int) -> Reaction {
        guard state.engines.entries.indices.contains(index) else { return .none }
        let name = state.engines.entries[index].name
        if name == state.engines.current, state.engines.connecting == nil {
            state.status = .info("Already on \(name)")
            return Reaction(redraw: [.status])
        }
        var effects: [Effect] = []
        if state.render.runningJob != nil || state.render == .waiting {
            effects.append(.cancelRender)
            state.render = .idle
        }
        endComparison(&state)
        state.engines.connecting = name
        state.status = .info("Connecting to \(name)…")
        return Reaction(redraw: [.status, .parameters], effects: effects + [.switchEngine(name: name)])
    }

    func reduceEngineResult(_ state: inout AppState, _ action: Action) -> Reaction {
        switch action {
        case .enginesListed(let entries, let current, let canCancel, let models, let noiseSources):
            state.engines.entries = entries
            state.engines.current = current
            state.engines.canCancel = canCancel
            state.engines.noiseSources = noiseSources
            state.engines.models.merge(models) { old, _ in old }
            return Reaction(redraw: [.parameters])
        case .engineConnected(let name, let models, let advice, let canCancel, let noiseSources, let adapters):
            guard state.engines.connecting == name else { return .none }
            state.engines.noiseSources = noiseSources
            var relist = false
            if let adapters {
                state.adapterFiles = adapters
                state.adapterSource = name
            } else if state.adapterSource != nil {
                // Back on an engine that reads the library folders: those are listed anew.
                state.adapterFiles = []
                state.adapterSource = nil
                relist = true
            }
            var reaction = engineConnected(&state, name: name, models: models, advice: advice, canCancel: canCancel)
            if relist { reaction.effects.append(.listAdapters) }
            return reaction
        case .engineFailed(let name, let message):
            guard state.engines.connecting == name else { return .none }
            state.engines.connecting = nil
            state.status = .error("Still on \(state.engines.current) · \(name): \(message)")
            return Reaction(redraw: [.status, .parameters])
        default:
            return .none
        }
    }

    /// The switch is done: the new engine's models, and its own model loaded (the one it had
    /// when the workbench left it, else its first). Not an undo step: the model belongs to the
    /// engine, and the grid and settings stay as they are.
    private func engineConnected(_ state: inout AppState, name: String, models: [String], advice: [String: ModelAdvice],
                                 canCancel: Bool) -> Reaction {
        let previous = state.engines.current
        state.engines.models[previous] = state.document.modelPath
        state.engines.current = name
        state.engines.connecting = nil
        state.engines.canCancel = canCancel
        state.engines.familyGuess = nil
        state.availableModels = models
        state.modelAdvice.merge(advice) { _, new in new }
        let model = state.engines.models[name].flatMap { Self.sameModel($0, in: models) } ?? models.first
        state.document.modelPath = model
        state.modelHash = nil
        refreshAnalysis(&state)
        guard let model else {
            state.model = .none
            state.render = .unavailable(message: "\(name) lists no models")
            state.status = .warning("Engine \(name): it lists no models")
            return Reaction(redraw: [.status, .parameters, .prompt])
        }
        state.adoptDialectOnLoad = true
        state.status = .success("Engine \(name): \(models.count) model\(models.count == 1 ? "" : "s"); loading "
                                + URL(fileURLWithPath: model).lastPathComponent)
        return Reaction(redraw: [.status, .parameters, .prompt], effects: [.loadModel(path: model)])
    }

    /// The id in `models` that `remembered` means (a local path may be spelled two ways).
    static func sameModel(_ remembered: String, in models: [String]) -> String? {
        if models.contains(remembered) { return remembered }
        let standard = URL(fileURLWithPath: remembered).standardizedFileURL.path
        return models.first { URL(fileURLWithPath: $0).standardizedFileURL.path == standard }
    }

    /// Ctrl-X's line, saying when the server cannot stop the job it was given.
    func renderStoppedMessage(_ state: AppState) -> String {
        state.engines.canCancel ? "Render stopped (F5 renders again)"
            : "Render stopped here; \(state.engines.current) cannot cancel, so the server finishes the job (F5 renders again)"
    }
}
