import PromptKit
import TUICore

/// The grid editor: one line per grid row with its label (and weight), value and qualifier,
/// then extra tags and the negative prompt. The selected cell is highlighted and holds the
/// hardware cursor, since typing types into it; an empty one shows a dim placeholder. The
/// edited one shows its text field.
struct GridPainter {
    let canvas: CursesCanvas
    let state: AppState

    static let labelWidth = 16

    /// Draws into `rect`; returns the screen position of the text cursor.
    func draw(in rect: Rect) -> (x: Int, y: Int)? {
        let focused = state.focus == .grid && state.overlays.isEmpty
        let title = state.document.raw.map { "Prompt grid · raw prompt from \($0.source) · rows add to it · F4: a dialect" }
            ?? "Prompt grid · \(state.document.family.rawValue)"
        canvas.box(rect, title: title, focused: focused)
        let inner = rect.inner
        guard inner.width > 8, inner.height > 0 else { return nil }
        let lines = GridLine.all
        let selectedRow = lines.firstIndex(of: state.gridCursor.line) ?? 0
        let first = max(0, min(selectedRow - inner.height + 1, lines.count - inner.height))
        let labelWidth = min(Self.labelWidth, inner.width / 3)
        let fieldsWidth = inner.width - labelWidth
        var cursor: (x: Int, y: Int)?
        for (offset, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            let y = inner.y + offset
            drawLabel(line, x: inner.x, y: y, width: labelWidth, focused: focused)
            let x = inner.x + labelWidth
            if line.hasQualifier {
                let valueWidth = (fieldsWidth - 3) / 2
                let qualifierWidth = fieldsWidth - 3 - valueWidth
                cursor = drawCell(GridCell(line, .value), x: x, y: y, width: valueWidth, focused: focused) ?? cursor
                canvas.text(" │ ", x: x + valueWidth, y: y, role: .border)
                cursor = drawCell(GridCell(line, .qualifier), x: x + valueWidth + 3, y: y, width: qualifierWidth,
                                  focused: focused) ?? cursor
            } else {
                cursor = drawCell(GridCell(line), x: x, y: y, width: fieldsWidth, focused: focused) ?? cursor
            }
        }
        return cursor
    }

    /// "what", or "what ×1.2" with a row weight, right-aligned in the label column.
    private func drawLabel(_ line: GridLine, x: Int, y: Int, width: Int, focused: Bool) {
        var weight = ""
        if case .row(let field) = line, let w = state.document.grid[field].weight, w != 1 {
            weight = "×" + ParameterFormat.number(w)
        }
        let nameWidth = max(1, width - 1 - (weight.isEmpty ? 0 : CellWidth.of(weight) + 1))
        let role: ThemeRole = line == state.gridCursor.line && focused ? .title : .label
        canvas.text(CellWidth.fit(line.label, cells: nameWidth, pad: true), x: x, y: y, role: role)
        if !weight.isEmpty { canvas.text(weight, x: x + nameWidth, y: y, role: .value) }
    }

    private func drawCell(_ cell: GridCell, x: Int, y: Int, width: Int, focused: Bool) -> (x: Int, y: Int)? {
        guard width > 0 else { return nil }
        let selected = cell == state.gridCursor && focused
        if selected, let editor = state.editor, state.overlays.isEmpty {
            let view = editor.viewport(width: width)
            canvas.text(CellWidth.fit(editor.visibleText(width: width), cells: width, pad: true), x: x, y: y,
                        role: .editing, width: width)
            return (x + view.cursorColumn, y)
        }
        let text = state.document.grid.text(at: cell)
        let typing = selected && state.keyStyle == .standard
        if text.isEmpty {
            // A placeholder reads as one: dim italic "e.g. …" after a one-cell gap for the cursor.
            let hint = selected ? " " + GridPlaceholders.example(for: cell) : ""
            canvas.text(CellWidth.fit(hint, cells: width, pad: true), x: x, y: y,
                        role: selected ? .placeholderSelected : .placeholder, width: width)
            return typing ? (x, y) : nil
        }
        let shown = CellWidth.fit(text, cells: width, pad: true)
        canvas.text(shown, x: x, y: y, role: selected ? .selection : .text, width: width)
        return typing ? (x + min(width - 1, CellWidth.of(text)), y) : nil
    }
}

/// Examples shown in an empty selected cell: the prompt guide's dreamcore church grid.
enum GridPlaceholders {
    static func example(for cell: GridCell) -> String {
        switch cell.line {
        case .row(let field):
            let examples: [PromptGrid.Field: (String, String)] = [
                .what: ("photo", "in motion"),
                .who: ("model", "albino, big grey eyes"),
                .doing: ("dances", "strangely"),
                .location: ("church", "concrete catholic church"),
                .wearing: ("dress", "white chiffon, many layers"),
                .light: ("twilight", "deep blue, grey and black"),
                .mood: ("depressive", "dreamcore"),
                .period: ("1990s", "Victorian era"),
                .composition: ("portrait", "close-up, bird's-eye view"),
                .medium: ("photo", "painting, illustration"),
                .style: ("style reference", "e.g. an artist or a film"),
            ]
            guard let pair = examples[field] else { return "" }
            return "e.g. " + (cell.column == .value ? pair.0 : pair.1)
        case .extraTags: return "e.g. film grain, 35mm"
        case .negative: return "e.g. blurry, watermark"
        }
    }
}
