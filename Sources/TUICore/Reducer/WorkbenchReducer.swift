/// Applies actions to the state and says what to redraw and what to do (see `Reaction`).
/// Pure: the same state and action always give the same result, so every effect is testable
/// without a terminal.
public struct WorkbenchReducer: Sendable {
    public let environment: WorkbenchEnvironment

    public init(environment: WorkbenchEnvironment = WorkbenchEnvironment()) {
        self.environment = environment
    }

    /// Fills in the derived parts of a fresh state (the prompt analysis).
    public func prepare(_ state: inout AppState) {
        refreshAnalysis(&state)
    }

    public func reduce(_ state: inout AppState, _ action: Action) -> Reaction {
        switch action {
        case .key(let key): return handleKey(&state, key)
        case .paste(let text): return paste(&state, text)
        case .resize(let columns, let rows): return resize(&state, columns: columns, rows: rows)
        case .command(let command): return perform(&state, command)
        case .type(let text): return type(&state, text)
        case .analysisDue:
            refreshAnalysis(&state)
            return Reaction(redraw: [.prompt])
        case .renderDue, .renderProgress, .renderFinished, .renderFailed,
             .modelLoading, .modelLoaded, .modelHashed, .modelFailed, .modelsFound:
            return reduceRender(&state, action)
        case .presetsLoaded, .openPreset, .themeApplied, .presetSaved, .presetDeleted, .presetRenamed, .stylesImported,
             .imageSaved, .imageOpened, .operationFailed, .clipboardCopied, .engineNote, .initImageLoaded:
            return reduceFileResult(&state, action)
        case .historyLoaded, .historyDeleted:
            return reduceHistoryResult(&state, action)
        case .folderListed(let listing):
            return folderListed(&state, listing)
        case .adaptersListed(let files, let source):
            return adaptersListed(&state, files, source: source)
        case .enginesListed, .engineConnected, .engineFailed:
            return reduceEngineResult(&state, action)
        case .comparisonSaved(let path):
            state.status = .success("Comparison saved: \(path)")
            return Reaction(redraw: [.status])
        }
    }

    // MARK: input

    func handleKey(_ state: inout AppState, _ key: Key) -> Reaction {
        let contexts = state.keyContexts
        if let command = environment.keymap.command(for: key, in: contexts) {
            return perform(&state, command)
        }
        guard let character = key.typedCharacter else { return .none }
        if contexts.first?.typesText == true { return type(&state, String(character)) }
        guard state.topOverlay == nil, state.editor == nil else { return .none }
        switch state.focus {
        case .grid where state.keyStyle == .standard:
            // Where a key can be text, it is text: typing on a row starts editing it.
            return type(&state, String(character))
        case .parameters where character.isNumber && ParameterField.typedFields.contains(state.parameter):
            // A digit on a number starts typing a new value (it replaces the old one).
            var reaction = openParameterEditor(&state, state.parameter)
            reaction.merge(type(&state, String(character)))
            return reaction
        default:
            return .none
        }
    }

    func resize(_ state: inout AppState, columns: Int, rows: Int) -> Reaction {
        state.columns = columns
        state.rows = rows
        if !state.layout.focusablePanes.contains(state.focus) { state.focus = .grid }
        return Reaction(redraw: .all)
    }

    /// A command, routed by what is on top: an overlay, the text being edited, or the focused pane.
    func perform(_ state: inout AppState, _ command: Command) -> Reaction {
        if let reaction = performApplication(&state, command) { return reaction }
        switch state.topOverlay {
        case .help: return performHelp(&state, command)
        case .picker(let picker): return performPicker(&state, command, picker)
        case .presets(let browser): return performPresets(&state, command, browser)
        case .history(let browser): return performHistory(&state, command, browser)
        case .adapters(let browser): return performAdapters(&state, command, browser)
        case .textEntry(let entry): return performTextEntry(&state, command, entry)
        case .confirm(let question): return performConfirm(&state, command, question)
        case nil:
            if state.editor != nil { return performEditing(&state, command) }
            switch state.focus {
            case .grid: return performGrid(&state, command)
            case .parameters: return performParameters(&state, command)
            case .prompt: return performPromptView(&state, command)
            case .preview: return .none
            }
        }
    }
}
