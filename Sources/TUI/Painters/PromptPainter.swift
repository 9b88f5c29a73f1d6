import TUICore

/// The prompt view: the grid rendered in the family's dialect (or the raw prompt), the negative
/// prompt, what the dialect left out, CLIP token counts per 75-token chunk, lint warnings and
/// model notes (`PromptViewLines`). It follows every keystroke, and scrolls when focused.
struct PromptPainter {
    let canvas: CursesCanvas
    let state: AppState

    func draw(in rect: Rect) {
        let focused = state.focus == .prompt && state.overlays.isEmpty
        let inner = rect.inner
        let lines = PromptViewLines.lines(state.analysis, width: max(1, inner.width),
                                          styles: state.document.styles.map(\.name))
        let scroll = min(state.promptScroll, max(0, lines.count - inner.height))
        var title = "Prompt · " + (state.document.raw != nil ? "raw, as written (no dialect)" : "\(state.document.family.rawValue) dialect")
        if lines.count > inner.height && inner.height > 0 {
            let last = min(lines.count, scroll + inner.height)
            title += " · \(scroll + 1)–\(last) of \(lines.count)" + (focused ? "" : " (Tab, ↑↓ scroll)")
        }
        canvas.box(rect, title: title, focused: focused)
        guard inner.width > 4, inner.height > 0 else { return }
        for (i, line) in lines.dropFirst(scroll).prefix(inner.height).enumerated() {
            canvas.text(line.text, x: inner.x, y: inner.y + i, role: line.role, width: inner.width)
        }
    }
}
