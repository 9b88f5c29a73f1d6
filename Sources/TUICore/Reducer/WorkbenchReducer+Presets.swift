import PromptKit

extension WorkbenchReducer {
    func performPresets(_ state: inout AppState, _ command: Command, _ browser: PresetBrowser) -> Reaction {
        var browser = browser
        let count = state.presets.count
        let selected = count > 0 ? state.presets[min(browser.selected, count - 1)] : nil
        switch command {
        case .moveUp: browser.selected = max(0, browser.selected - 1)
        case .moveDown: browser.selected = max(0, min(count - 1, browser.selected + 1))
        case .moveFirst: browser.selected = 0
        case .moveLast: browser.selected = max(0, count - 1)
        case .cancel:
            state.overlays.removeLast()
            return Reaction(redraw: [.overlay, .layout])
        case .loadPreset:
            guard let entry = selected else { return .none }
            state.overlays.removeLast()
            return loadPreset(&state, entry)
        case .savePreset:
            guard let entry = selected else { return savePresetAsPrompt(&state) }
            guard !entry.isBuiltIn else { return readOnly(&state, entry) }
            state.overlays.append(.confirm(Confirmation(question: "Overwrite preset “\(entry.name)” with the current grid and settings?",
                                                        purpose: .overwritePreset(name: entry.name))))
            return Reaction(redraw: [.overlay])
        case .savePresetAs:
            return savePresetAsPrompt(&state)
        case .renamePreset:
            guard let entry = selected else { return .none }
            guard !entry.isBuiltIn else { return readOnly(&state, entry) }
            state.overlays.append(.textEntry(TextEntry(title: "Rename “\(entry.name)” to", text: entry.name,
                                                       purpose: .renamePreset(from: entry.name))))
            return Reaction(redraw: [.overlay])
        case .deletePreset:
            guard let entry = selected else { return .none }
            guard !entry.isBuiltIn else { return readOnly(&state, entry) }
            state.overlays.append(.confirm(Confirmation(question: "Delete preset “\(entry.name)”?",
                                                        purpose: .deletePreset(name: entry.name))))
            return Reaction(redraw: [.overlay])
        case .importStyles:
            state.overlays.append(.textEntry(TextEntry(title: "Import A1111 styles.csv from (Tab completes)", purpose: .importStyles)))
            return Reaction(redraw: [.overlay], effects: [.listFolder("")])
        default:
            return .none
        }
        state.overlays[state.overlays.count - 1] = .presets(browser)
        return Reaction(redraw: [.overlay])
    }

    /// Loads a preset as one undo step, loads its model if it names another one, and switches
    /// to its theme unless `keepTheme` (undo leaves the theme as it is).
    func loadPreset(_ state: inout AppState, _ entry: PresetEntry, keepTheme: Bool = false) -> Reaction {
        if entry.isStyle { return toggleStyle(&state, entry) }
        let previousModel = state.document.modelPath
        var reaction = change(&state, kind: nil) { doc in
            let model = doc.modelPath
            doc = entry.document
            if doc.modelPath == nil { doc.modelPath = model }
        }
        if let path = state.document.modelPath, path != previousModel {
            reaction.effects.append(.loadModel(path: path))
        }
        if !keepTheme, let theme = entry.theme, theme != state.theme {
            reaction.effects.append(.applyTheme(theme))
        }
        state.status = .success("Loaded preset “\(entry.name)”")
        reaction.redraw.formUnion([.overlay, .layout, .status])
        if let offer = offerModelFit(&state, source: "“\(entry.name)”") { reaction.merge(offer) }
        return reaction
    }

    /// A style preset, as A1111 applies styles: added to the current prompt by its `{prompt}`
    /// rule (or after it), several at once; the grid and the settings stay. Loading an active
    /// style again turns it off. One undo step either way.
    func toggleStyle(_ state: inout AppState, _ entry: PresetEntry) -> Reaction {
        let styles = entry.document.styles
        let active = styles.allSatisfy { state.document.styles.contains($0) }
        var reaction = change(&state, kind: nil) { doc in
            if active { doc.styles.removeAll { styles.contains($0) } } else { doc.styles += styles }
        }
        let names = state.document.styles.map { "“\($0.name)”" }.joined(separator: ", ")
        state.status = .success(active ? "Style “\(entry.name)” off" + (names.isEmpty ? "" : "; on: \(names)")
                                       : "Style “\(entry.name)” on (load it again to turn it off); on: \(names)")
        reaction.redraw.formUnion([.overlay, .layout, .status])
        return reaction
    }

    func savePresetAsPrompt(_ state: inout AppState) -> Reaction {
        state.overlays.append(.textEntry(TextEntry(title: "Save preset as", purpose: .savePresetAs)))
        return Reaction(redraw: [.overlay])
    }

    func savePresetAs(_ state: inout AppState, name: String) -> Reaction {
        if let problem = Self.presetNameProblem(name) {
            state.status = .error(problem)
            return Reaction(redraw: [.status])
        }
        if let existing = state.presets.first(where: { $0.name == name }) {
            if existing.isBuiltIn { return readOnly(&state, existing) }
            state.overlays.append(.confirm(Confirmation(question: "A preset “\(name)” exists. Overwrite it?",
                                                        purpose: .overwritePreset(name: name))))
            return Reaction(redraw: [.overlay])
        }
        state.overlays.removeLast()
        return Reaction(redraw: [.overlay, .layout],
                        effects: [.savePreset(name: name, document: state.document, theme: state.theme, overwrite: false)])
    }

    func renamePreset(_ state: inout AppState, from: String, to: String) -> Reaction {
        if let problem = Self.presetNameProblem(to) {
            state.status = .error(problem)
            return Reaction(redraw: [.status])
        }
        if to == from {
            state.overlays.removeLast()
            return Reaction(redraw: [.overlay, .layout])
        }
        if state.presets.contains(where: { $0.name == to }) {
            state.status = .error("A preset “\(to)” already exists")
            return Reaction(redraw: [.status])
        }
        state.overlays.removeLast()
        return Reaction(redraw: [.overlay, .layout], effects: [.renamePreset(from: from, to: to)])
    }

    func readOnly(_ state: inout AppState, _ entry: PresetEntry) -> Reaction {
        state.status = .error("“\(entry.name)” is a built-in preset and read-only (save as a new name with a)")
        return Reaction(redraw: [.status])
    }

    /// Preset names are any text; PromptKit's `PresetName` gives each a safe file name.
    static func presetNameProblem(_ name: String) -> String? {
        do {
            try PresetName.validate(name)
            return nil
        } catch {
            return "\(error)"
        }
    }
}
