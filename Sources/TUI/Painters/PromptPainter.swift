import TUICore

/// The prompt view: the grid rendered in the family's dialect, the negative prompt, CLIP token
/// counts per 75-token chunk and lint warnings. It follows every keystroke.
struct PromptPainter {
    let canvas: CursesCanvas
    let state: AppState

    func draw(in rect: Rect) {
        canvas.box(rect, title: "Prompt · \(state.document.family.rawValue) dialect", focused: false)
        let inner = rect.inner
        guard inner.width > 4, inner.height > 0 else { return }
        let analysis = state.analysis
        var lines: [(String, ThemeRole)] = []
        let prompt = analysis.rendered.prompt
        for line in TextWrap.lines(prompt.isEmpty ? "(empty: fill in the grid)" : prompt, width: inner.width) {
            lines.append((line, prompt.isEmpty ? .placeholder : .text))
        }
        if let negative = analysis.rendered.negative, !negative.isEmpty {
            for line in TextWrap.lines("Negative prompt: " + negative, width: inner.width) { lines.append((line, .dim)) }
        }
        var footer: [(String, ThemeRole)] = []
        if let tokens = tokenLine(analysis) { footer.append(tokens) }
        for warning in analysis.warnings {
            for line in TextWrap.lines("⚠ " + warning, width: inner.width) { footer.append((line, .warning)) }
        }
        // The footer (tokens, warnings) always shows; the prompt text gets the rest, cut with "…".
        let footerRows = min(footer.count, max(0, inner.height - 1))
        let textRows = inner.height - footerRows
        if lines.count > textRows, textRows > 0 {
            lines = Array(lines.prefix(textRows))
            lines[textRows - 1].0 = CellWidth.fit(lines[textRows - 1].0 + " …", cells: inner.width)
        }
        for (i, line) in lines.prefix(textRows).enumerated() {
            canvas.text(line.0, x: inner.x, y: inner.y + i, role: line.1, width: inner.width)
        }
        for (i, line) in footer.prefix(footerRows).enumerated() {
            canvas.text(line.0, x: inner.x, y: inner.y + textRows + i, role: line.1, width: inner.width)
        }
    }

    /// "tokens 34/75 · 80/75 | negative 12/75"; the role warns when a chunk is over 75.
    private func tokenLine(_ analysis: PromptAnalysis) -> (String, ThemeRole)? {
        guard let chunks = analysis.promptChunks else { return nil }
        var text = "tokens " + chunks.map { "\($0)/75" }.joined(separator: " · ")
        if chunks.count > 1 { text += " (\(chunks.count) chunks)" }
        if let negative = analysis.negativeChunks, !negative.isEmpty {
            text += "   negative " + negative.map { "\($0)/75" }.joined(separator: " · ")
        }
        let over = chunks.contains { $0 > 75 } || (analysis.negativeChunks ?? []).contains { $0 > 75 }
        return (text, over ? .warning : .dim)
    }
}
