/// The prompt view's lines for a width: the rendered prompt, the negative, what the dialect
/// left out, token counts, lint warnings and what the model ignores. Shared by the painter and
/// by the reducer, which clamps the scroll position with it.
public enum PromptViewLines {
    public typealias Line = (text: String, role: ThemeRole)

    public static func lines(_ analysis: PromptAnalysis, width: Int, styles: [String] = []) -> [Line] {
        guard width > 0 else { return [] }
        var lines: [Line] = []
        if !styles.isEmpty {
            for line in TextWrap.lines("Styles on: " + styles.joined(separator: ", "), width: width) { lines.append((line, .title)) }
        }
        let prompt = analysis.rendered.prompt
        for line in TextWrap.lines(prompt.isEmpty ? "(empty: type into the grid)" : prompt, width: width) {
            lines.append((line, prompt.isEmpty ? .placeholder : .text))
        }
        if let negative = analysis.rendered.negative, !negative.isEmpty {
            for line in TextWrap.lines("Negative prompt: " + negative, width: width) { lines.append((line, .dim)) }
        }
        if let expanded = analysis.wildcards {
            for line in TextWrap.lines("→ seed \(expanded.seed) renders: " + expanded.prompt, width: width) { lines.append((line, .title)) }
            if expanded.negative != (analysis.rendered.negative ?? "") {
                for line in TextWrap.lines("→ negative: " + expanded.negative, width: width) { lines.append((line, .dim)) }
            }
            for note in expanded.notes {
                for line in TextWrap.lines("⚠ " + note, width: width) { lines.append((line, .warning)) }
            }
        }
        for note in analysis.rendered.notes {
            for line in TextWrap.lines("✂ " + note, width: width) { lines.append((line, .dim)) }
        }
        if let tokens = tokenLine(analysis) { lines.append(tokens) }
        for warning in analysis.warnings {
            for line in TextWrap.lines("⚠ " + warning, width: width) { lines.append((line, .warning)) }
        }
        for note in analysis.modelNotes {
            for line in TextWrap.lines("• " + note, width: width) { lines.append((line, .dim)) }
        }
        return lines
    }

    /// The largest useful scroll position for a view of `height` lines.
    public static func maxScroll(_ analysis: PromptAnalysis, width: Int, height: Int, styles: [String] = []) -> Int {
        max(0, lines(analysis, width: width, styles: styles).count - height)
    }

    /// "tokens 34/75 · 80/75 | negative 12/75"; the role warns when a chunk is over 75.
    static func tokenLine(_ analysis: PromptAnalysis) -> Line? {
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
