import UntrustedText
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
        case .deleteBackward:
            _ = startEditing(&state)
            return edit(&state) { $0.deleteBackward() }
        case .raiseWeight, .lowerWeight:
            return changeWeight(&state, up: command == .raiseWeight)
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
        if case .textEntry(let entry) = state.topOverlay { return typeIntoEntry(&state, entry, text) }
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
        let existing = state.editor?.text.utf8.count ?? 0
        guard let (kept, dropped) = Self.cutPaste(text, existing: existing) else { return type(&state, text) }
        var reaction = type(&state, kept)
        state.status = .warning("Paste cut: \(dropped) bytes past the \(PromptTextLimit.maximumBytes)-byte limit for prompt text were dropped")
        reaction.redraw.insert(.status)
        return reaction
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
        case .raiseWeight, .lowerWeight:
            return changeWeight(&state, up: command == .raiseWeight)
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

    /// Ctrl-↑/↓ on a row: its weight ±0.1 within 0.1…2, as A1111's emphasis keys step
    /// (`edit-attention.js`, default step 0.1); 1 means no emphasis and is stored as none.
    func changeWeight(_ state: inout AppState, up: Bool) -> Reaction {
        if let tagWeight = changeTagWeight(&state, up: up) { return tagWeight }
        guard case .row(let field) = state.gridCursor.line else {
            state.status = .warning("Weights belong to grid rows; write (tag:1.2) in \(state.gridCursor.line.label) instead")
            return Reaction(redraw: [.status])
        }
        let current = state.document.grid[field].weight ?? 1
        let next = min(2, max(0.1, ((current + (up ? 0.1 : -0.1)) * 10).rounded() / 10))
        var reaction = change(&state, kind: "weight \(field.rawValue)") { doc in
            doc.grid[field].weight = next == 1 ? nil : next
        }
        state.status = .info("\(field.label): weight \(ParameterFormat.number(next))\(next == 1 ? " (no emphasis)" : "")")
        reaction.redraw.formUnion([.status, .grid])
        return reaction
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

extension WorkbenchReducer {
    /// Arrow keys on the focused prompt view scroll it; the painter clamps at the end.
    func performPromptView(_ state: inout AppState, _ command: Command) -> Reaction {
        let page = max(1, (state.layout.prompt?.height ?? 6) - 3)
        switch command {
        case .moveUp: state.promptScroll -= 1
        case .moveDown: state.promptScroll += 1
        case .pageUp: state.promptScroll -= page
        case .pageDown: state.promptScroll += page
        case .moveFirst: state.promptScroll = 0
        case .moveLast: state.promptScroll = Int.max / 2
        default: return .none
        }
        let inner = (state.layout.prompt ?? Rect(x: 0, y: 0, width: 60, height: 8)).inner
        let most = PromptViewLines.maxScroll(state.analysis, width: inner.width, height: inner.height,
                                             styles: state.document.styles.map(\.name))
        state.promptScroll = min(max(0, state.promptScroll), most)
        return Reaction(redraw: [.prompt])
    }
}
