import Foundation

extension WorkbenchReducer {
    func performPicker(_ state: inout AppState, _ command: Command, _ picker: ListPicker) -> Reaction {
        var picker = picker
        let page = max(1, state.rows - 8)
        switch command {
        case .moveUp: picker.selected = max(0, picker.selected - 1)
        case .moveDown: picker.selected = min(picker.items.count - 1, picker.selected + 1)
        case .moveFirst: picker.selected = 0
        case .moveLast: picker.selected = max(0, picker.items.count - 1)
        case .pageUp: picker.selected = max(0, picker.selected - page)
        case .pageDown: picker.selected = min(picker.items.count - 1, picker.selected + page)
        case .cancel:
            state.overlays.removeLast()
            return Reaction(redraw: [.overlay, .layout])
        case .confirm:
            state.overlays.removeLast()
            let field: ParameterField
            switch picker.purpose {
            case .engine, .modelFamily:
                var reaction = picker.purpose == .engine ? chooseEngine(&state, index: picker.selected)
                    : correctFamily(&state, index: picker.selected)
                reaction.redraw.formUnion([.overlay, .layout])
                return reaction
            case .family: field = .family
            case .model: field = .model
            case .sampler: field = .sampler
            case .schedule: field = .schedule
            case .aspect: field = .aspect
            }
            var reaction = choose(&state, field, index: picker.selected)
            reaction.redraw.formUnion([.overlay, .layout])
            return reaction
        default:
            return .none
        }
        state.overlays[state.overlays.count - 1] = .picker(picker)
        return Reaction(redraw: [.overlay])
    }

    func performTextEntry(_ state: inout AppState, _ command: Command, _ entry: TextEntry) -> Reaction {
        if let textEdit = Self.textEdit(for: command) { return editEntry(&state, entry, command, textEdit) }
        switch command {
        case .complete:
            return completeEntry(&state, entry)
        case .cancel:
            state.overlays.removeLast()
            return Reaction(redraw: [.overlay, .layout])
        case .confirm:
            return confirmTextEntry(&state, entry)
        default:
            return .none
        }
    }

    func confirmTextEntry(_ state: inout AppState, _ entry: TextEntry) -> Reaction {
        let text = entry.field.text.trimmingCharacters(in: .whitespaces)
        switch entry.purpose {
        case .parameter(let field):
            switch applyParameterText(&state, field, text) {
            case .success(var reaction):
                state.overlays.removeLast()
                reaction.redraw.formUnion([.overlay, .layout])
                return reaction
            case .failure(let error):
                state.status = .error("\(error)")
                return Reaction(redraw: [.status])
            }
        case .openImage, .importStyles:
            guard !text.isEmpty else { return Reaction.none }
            state.overlays.removeLast()
            let path = Self.expandingTilde(text)
            let effect: Effect = entry.purpose == .openImage ? .openImage(path: path) : .importStyles(path: path)
            return Reaction(redraw: [.overlay, .layout], effects: [effect])
        case .initImage:
            guard !text.isEmpty else { return Reaction.none }
            state.overlays.removeLast()
            return Reaction(redraw: [.overlay, .layout], effects: [.loadInitImage(path: Self.expandingTilde(text))])
        case .savePresetAs:
            return savePresetAs(&state, name: text)
        case .renamePreset(let from):
            return renamePreset(&state, from: from, to: text)
        case .comparisonX, .comparisonY:
            return confirmComparisonAxis(&state, entry, text)
        }
    }

    func performConfirm(_ state: inout AppState, _ command: Command, _ question: Confirmation) -> Reaction {
        switch command {
        case .cancel:
            state.overlays.removeLast()
            return Reaction(redraw: [.overlay, .layout])
        case .confirm:
            state.overlays.removeLast()
            switch question.purpose {
            case .deletePreset(let name):
                return Reaction(redraw: [.overlay, .layout], effects: [.deletePreset(name: name)])
            case .deleteHistory(let id):
                return Reaction(redraw: [.overlay, .layout], effects: [.deleteHistoryEntry(id: id)])
            case .fitToModel(let width, let height, let steps):
                var reaction = applyModelFit(&state, width: width, height: height, steps: steps)
                state.status = .success("Fitted to \(width)×\(height) at \(steps) steps (Ctrl-Z undoes the whole change)")
                reaction.redraw.formUnion([.overlay, .layout, .status])
                return reaction
            case .familySettings(let offer):
                var reaction = applyFamilySettings(&state, offer)
                reaction.redraw.formUnion([.overlay, .layout, .status])
                return reaction
            case .overwritePreset(let name):
                // Close the name prompt under the question too, if there is one.
                if case .textEntry = state.topOverlay { state.overlays.removeLast() }
                return Reaction(redraw: [.overlay, .layout],
                                effects: [.savePreset(name: name, document: state.document, theme: state.theme, overwrite: true)])
            }
        default:
            return .none
        }
    }

    /// `~/x` → `$HOME/x` (paths typed into prompts).
    public static func expandingTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return home + path.dropFirst()
    }
}
