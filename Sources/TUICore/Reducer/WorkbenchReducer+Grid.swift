extension WorkbenchReducer {
    func performGrid(_ state: inout AppState, _ command: Command) -> Reaction {
        let lines = GridLine.all
        let row = lines.firstIndex(of: state.gridCursor.line) ?? 0
        switch command {
        case .moveUp: state.gridCursor = GridCell(lines[max(0, row - 1)], state.gridCursor.column)
        case .moveDown: state.gridCursor = GridCell(lines[min(lines.count - 1, row + 1)], state.gridCursor.column)
        case .moveFirst: state.gridCursor = GridCell(lines[0], state.gridCursor.column)
        case .moveLast: state.gridCursor = GridCell(lines[lines.count - 1], state.gridCursor.column)
        case .moveLeft: state.gridCursor = GridCell(state.gridCursor.line, .value)
        case .moveRight: state.gridCursor = GridCell(state.gridCursor.line, .qualifier)
        case .startEditing:
            return startEditing(&state)
        case .clearField:
            let cell = state.gridCursor
            return change(&state, kind: nil) { $0.grid.setText("", at: cell) }
        default:
            return .none
        }
        return Reaction(redraw: [.grid, .hint])
    }

    func startEditing(_ state: inout AppState) -> Reaction {
        state.editor = TextField(state.document.grid.text(at: state.gridCursor))
        state.history.seal()
        return Reaction(redraw: [.grid, .hint])
    }

    /// Typing or pasting: into a prompt's field, the field being edited, or — when the grid has
    /// focus — the selected field, which starts editing.
    func type(_ state: inout AppState, _ text: String) -> Reaction {
        if case .textEntry(var entry) = state.topOverlay {
            entry.field.insert(text)
            entry.candidates = []
            state.overlays[state.overlays.count - 1] = .textEntry(entry)
            return Reaction(redraw: [.overlay])
        }
        guard state.topOverlay == nil else { return .none }
        if state.editor == nil {
            guard state.focus == .grid else { return .none }
            _ = startEditing(&state)
        }
        return edit(&state) { $0.insert(text) }
    }

    func paste(_ state: inout AppState, _ text: String) -> Reaction {
        if state.topOverlay == nil, state.editor == nil, state.focus == .parameters {
            state.status = .warning("Paste into a grid field or a text prompt")
            return Reaction(redraw: [.status])
        }
        return type(&state, text)
    }

    /// Applies a text edit to the editor and writes the text into the grid.
    func edit(_ state: inout AppState, _ body: (inout TextField) -> Void) -> Reaction {
        guard var editor = state.editor else { return .none }
        body(&editor)
        let textChanged = editor.text != state.editor?.text
        state.editor = editor
        guard textChanged else { return Reaction(redraw: [.grid]) }
        let cell = state.gridCursor
        var reaction = change(&state, kind: "edit \(cell)") { $0.grid.setText(editor.text, at: cell) }
        reaction.redraw.insert(.grid)
        return reaction
    }

    func performEditing(_ state: inout AppState, _ command: Command) -> Reaction {
        if let textEdit = Self.textEdit(for: command) { return edit(&state, textEdit) }
        switch command {
        case .finishEditing:
            state.editor = nil
            state.history.seal()
            return Reaction(redraw: [.grid, .hint])
        case .editNextField, .editPreviousField:
            moveToNeighbourCell(&state, forward: command == .editNextField)
            return startEditing(&state)
        case .editRowUp, .editRowDown:
            let lines = GridLine.all
            let row = lines.firstIndex(of: state.gridCursor.line) ?? 0
            let target = command == .editRowUp ? max(0, row - 1) : min(lines.count - 1, row + 1)
            state.gridCursor = GridCell(lines[target], state.gridCursor.column)
            return startEditing(&state)
        default:
            return .none
        }
    }

    /// The next (or previous) cell in reading order: value, qualifier, next line's value, wrapping.
    func moveToNeighbourCell(_ state: inout AppState, forward: Bool) {
        let cells = GridLine.all.flatMap { line in
            line.hasQualifier ? [GridCell(line, .value), GridCell(line, .qualifier)] : [GridCell(line)]
        }
        let index = cells.firstIndex(of: state.gridCursor) ?? 0
        state.gridCursor = cells[(index + (forward ? 1 : cells.count - 1)) % cells.count]
    }

    /// The text-field operation a command stands for, if it is one.
    static func textEdit(for command: Command) -> ((inout TextField) -> Void)? {
        switch command {
        case .cursorLeft: return { $0.moveLeft() }
        case .cursorRight: return { $0.moveRight() }
        case .wordLeft: return { $0.moveWordLeft() }
        case .wordRight: return { $0.moveWordRight() }
        case .lineStart: return { $0.moveToStart() }
        case .lineEnd: return { $0.moveToEnd() }
        case .deleteBackward: return { $0.deleteBackward() }
        case .deleteForward: return { $0.deleteForward() }
        case .deleteWordBackward: return { $0.deleteWordBackward() }
        case .deleteWordForward: return { $0.deleteWordForward() }
        case .deleteToEnd: return { $0.deleteToEnd() }
        case .deleteToStart: return { $0.deleteToStart() }
        default: return nil
        }
    }
}
