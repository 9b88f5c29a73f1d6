import EngineAPI
import Foundation
import TUICore

/// The LoRA and embedding browser: the list on the left (✓ and the weight for files the prompt
/// uses, ✗ for another family's, ! for unreadable ones), the selected file's details on the
/// right — or below the list on a narrow screen.
extension OverlayPainter {
    func drawAdapters(_ browser: AdapterBrowser, screen: Rect) {
        let files = state.adapterFiles
        let rect = screen.centered(width: min(screen.width - 2, 100), height: min(screen.height - 2, 24))
        let loras = files.filter { $0.kind == .lora }.count
        window(rect, title: "LoRAs (\(loras)) and embeddings (\(files.count - loras))")
        let inner = rect.inner
        guard inner.height > 1, inner.width > 10 else { return }
        guard !files.isEmpty else {
            let text = "No LoRAs or embeddings in the library folders. Put .safetensors files in ~/.local/share/easel/models/loras "
                + "and …/embeddings, or name folders in $XDG_CONFIG_HOME/easel/config.json (README, Model library)."
            for (i, line) in TextWrap.lines(text, width: inner.width - 2).prefix(inner.height).enumerated() {
                canvas.text(line, x: inner.x + 1, y: inner.y + i, role: .placeholder)
            }
            return
        }
        let selected = files[min(browser.selected, files.count - 1)]
        let wide = inner.width >= 70
        let listRect = wide ? Rect(x: inner.x, y: inner.y, width: min(44, inner.width / 2), height: inner.height)
            : Rect(x: inner.x, y: inner.y, width: inner.width, height: max(1, inner.height - min(4, inner.height / 2)))
        let items = files.map { file -> (String, ThemeRole) in
            let row = Self.row(file, state: state, width: listRect.width - 1)
            return (row.text, row.role)
        }
        drawList(items, selected: browser.selected, in: listRect)
        let detail = wide ? Rect(x: listRect.maxX + 2, y: inner.y, width: inner.maxX - listRect.maxX - 3, height: inner.height)
            : Rect(x: inner.x + 1, y: listRect.maxY, width: inner.width - 2, height: inner.maxY - listRect.maxY)
        guard detail.width > 8, detail.height > 0 else { return }
        var lines: [(String, ThemeRole)] = []
        for (text, role) in Self.details(selected, state: state, short: !wide) {
            for line in TextWrap.lines(text, width: detail.width) { lines.append((line, role)) }
        }
        for (i, line) in lines.prefix(detail.height).enumerated() {
            canvas.text(line.0, x: detail.x, y: detail.y + i, role: line.1, width: detail.width)
        }
    }

    /// One list row: a mark, the name, and on the right the weight in the prompt and the family.
    static func row(_ file: AdapterFile, state: AppState, width: Int) -> (text: String, role: ThemeRole) {
        let tag = file.tag(in: state.document)
        let wrong = file.fitProblem(for: state.document.family) != nil
        let mark = file.problem != nil ? "!" : wrong ? "✗" : tag != nil ? "✓" : " "
        var right = file.kind == .embedding ? "emb" : (file.family?.displayName ?? "?")
        if file.kind == .embedding, let family = file.family { right = family.displayName + " emb" }
        if let tag, let weight = LoraTagText.weight(of: tag), file.kind == .lora { right = ParameterFormat.number(weight) + " " + right }
        let nameWidth = max(1, width - 3 - CellWidth.of(right))
        let text = mark + " " + CellWidth.fit(file.name, cells: nameWidth, pad: true) + " " + right
        let role: ThemeRole = file.problem != nil ? .error : wrong ? .warning : .overlay
        return (text, role)
    }

    /// The selected file's details (`short`: the three most useful lines, for a narrow screen).
    static func details(_ file: AdapterFile, state: AppState, short: Bool) -> [(String, ThemeRole)] {
        var lines: [(String, ThemeRole)] = []
        let name = file.name
        if !short {
            lines.append((name + (file.alias.map { " (also “\($0)”)" } ?? ""), .title))
        }
        var facts = [file.format]
        if let vectors = file.vectors { facts.append("\(vectors) vector\(vectors == 1 ? "" : "s")") }
        facts.append(file.family.map { "for \($0.displayName)" } ?? "family unknown")
        // A server lists names, not sizes: its LoRAs say where they are instead.
        facts.append(state.adapterSource.map { "on \($0)" } ?? ByteCount.short(file.bytes))
        lines.append(((short ? name + " · " : "") + facts.joined(separator: " · "), short ? .title : .overlay))
        if let problem = file.problem { lines.append(("! cannot be used: " + problem, .error)) }
        if let wrong = file.fitProblem(for: state.document.family) {
            lines.append(("✗ " + wrong + ": the engine leaves it out", .warning))
        }
        if let tag = file.tag(in: state.document) {
            lines.append((file.kind == .lora ? "In the prompt: \(tag) (←/→ weight, Del removes)" : "In the prompt (Del removes)", .success))
        } else if file.problem == nil {
            lines.append(("Enter adds \(file.insertedText)" + (file.kind == .embedding ? ", n to the negative" : ""), .dim))
        }
        if !file.triggers.isEmpty {
            lines.append(("Trigger words: " + file.triggers.joined(separator: ", "), .overlay))
        } else if file.kind == .lora, !short {
            lines.append(("No trigger words in its metadata", .dim))
        }
        if short { return lines }
        if let title = file.title { lines.append((title, .overlay)) }
        lines.append(("", .overlay))
        lines.append((file.path, .dim))
        return lines
    }
}

/// File sizes as the browser shows them (binary units, as BENCHMARKS.md writes memory).
enum ByteCount {
    static func short(_ bytes: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB"]
        var value = Double(bytes), unit = 0
        while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
        return unit == 0 ? "\(bytes) B" : String(format: value < 10 ? "%.1f" : "%.0f", value) + " " + units[unit]
    }
}
