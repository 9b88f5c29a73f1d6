import TUICore

/// The bottom line: the key hints of the contexts in force, from the key table.
struct HintPainter {
    let canvas: CursesCanvas
    let state: AppState
    let keymap: Keymap

    func draw(in rect: Rect) {
        canvas.fill(rect, role: .hintText)
        var x = rect.x + 1
        var hints = keymap.hints(in: state.keyContexts)
        if state.keyContexts.first?.typesText == true {
            hints.insert(KeyBinding([], .cursorLeft, .editing, "type text", hint: "type text"), at: 0)
        } else if state.keyContexts.first == .grid {
            // Standard keys: a printable key types into the selected field.
            let field = state.gridCursor.line.label
            hints.insert(KeyBinding([], .startEditing, .grid, "", hint: "type to fill in “\(field)”"), at: 0)
        }
        for binding in hints {
            let key = binding.hintKeys ?? binding.keys.first.map { $0.label } ?? ""
            let text = binding.hint ?? binding.description
            let needed = CellWidth.of(key) + 1 + CellWidth.of(text) + 2
            guard x + needed <= rect.maxX else { break }
            if !key.isEmpty {
                x += canvas.text(key, x: x, y: rect.y, role: .hintKey)
                x += 1
            }
            x += canvas.text(text, x: x, y: rect.y, role: .hintText)
            x += 2
        }
    }
}
