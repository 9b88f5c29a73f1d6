import Imaging
import TUICore

/// Windows over the workbench: help, list pickers, the preset browser, text prompts, questions.
struct OverlayPainter {
    let canvas: CursesCanvas
    let state: AppState
    let keymap: Keymap
    /// The history entries' thumbnails and the cells that draw them (nil: `--graphics none`).
    var history: (thumbnails: [String: RGBImage], cells: PreviewCells)?

    /// Draws every open overlay, bottom first; returns the text cursor of a text prompt on top.
    func draw(screen: Rect) -> (x: Int, y: Int)? {
        var cursor: (x: Int, y: Int)?
        for (index, overlay) in state.overlays.enumerated() {
            let top = index == state.overlays.count - 1
            cursor = nil
            switch overlay {
            case .help(let scroll): drawHelp(screen: screen, scroll: scroll)
            case .picker(let picker): drawPicker(picker, screen: screen)
            case .presets(let browser): drawPresets(browser, screen: screen)
            case .history(let browser):
                HistoryPainter(canvas: canvas, state: state, pictures: history).draw(browser, screen: screen)
            case .adapters(let browser): drawAdapters(browser, screen: screen)
            case .textEntry(let entry): cursor = drawTextEntry(entry, screen: screen)
            case .confirm(let question): drawConfirm(question, screen: screen)
            }
            if !top { cursor = nil }
        }
        return cursor
    }

    func window(_ rect: Rect, title: String) {
        canvas.fill(rect, role: .overlay)
        canvas.box(rect, title: title, focused: true)
    }

    /// The help text (`HelpLines`) with "lines a–b of n" in the title while it scrolls.
    private func drawHelp(screen: Rect, scroll: Int) {
        let rect = screen.centered(width: min(96, screen.width - 2), height: screen.height - 2)
        let lines = HelpLines.lines(keymap: keymap, state: state)
        let inner = rect.inner
        let visible = min(inner.height, HelpLines.visibleRows(screenRows: state.rows))
        var title = "Keys (Esc closes)"
        if lines.count > visible {
            let last = min(lines.count, scroll + visible)
            title += " · lines \(scroll + 1)–\(last) of \(lines.count)" + (last < lines.count ? " ↓ PgDn more" : " (end)")
        }
        window(rect, title: title)
        let keyWidth = HelpLines.columns(screenWidth: screen.width).keys
        for (i, line) in lines.dropFirst(scroll).prefix(visible).enumerated() {
            let y = inner.y + i
            switch line {
            case .blank: break
            case .heading(let text): canvas.text(text, x: inner.x + 1, y: y, role: .title, width: inner.width - 1)
            case .text(let text): canvas.text(text, x: inner.x + 2, y: y, role: .dim, width: inner.width - 2)
            case .binding(let keys, let description):
                canvas.text(CellWidth.fit(keys, cells: keyWidth), x: inner.x + 2, y: y, role: .hintKey)
                canvas.text(description, x: inner.x + 3 + keyWidth, y: y, role: .overlay, width: inner.width - keyWidth - 3)
            }
        }
    }

    func drawList(_ items: [(String, ThemeRole)], selected: Int, in inner: Rect) {
        let first = max(0, min(selected - inner.height / 2, items.count - inner.height))
        for (i, item) in items.enumerated().dropFirst(first).prefix(inner.height) {
            let y = inner.y + i - first
            let role: ThemeRole = i == selected ? .selection : item.1
            canvas.text(CellWidth.fit(" " + item.0, cells: inner.width, pad: true), x: inner.x, y: y, role: role)
        }
    }

    private func drawPicker(_ picker: ListPicker, screen: Rect) {
        let width = min(screen.width - 4, max(30, (picker.items.map { CellWidth.of($0) }.max() ?? 0) + 6))
        let rect = screen.centered(width: width, height: min(screen.height - 2, picker.items.count + 2))
        window(rect, title: picker.title)
        drawList(picker.items.map { ($0, .overlay) }, selected: picker.selected, in: rect.inner)
    }

    private func drawPresets(_ browser: PresetBrowser, screen: Rect) {
        let rect = screen.centered(width: min(screen.width - 2, 90), height: min(screen.height - 2, 24))
        window(rect, title: "Presets")
        let inner = rect.inner
        guard inner.height > 2 else { return }
        if state.presets.isEmpty {
            canvas.text("No presets yet: a saves the current grid as one.", x: inner.x + 1, y: inner.y, role: .placeholder)
            return
        }
        let listWidth = min(36, inner.width / 2)
        let items = state.presets.map { entry -> (String, ThemeRole) in
            let on = entry.isStyle && entry.document.styles.allSatisfy { state.document.styles.contains($0) }
            let mark = entry.isStyle ? (on ? "✓ " : "  ") : ""
            let tail = entry.isBuiltIn ? "  [built-in]" : entry.isStyle ? "  [style]" : ""
            return (mark + entry.name + tail, entry.isBuiltIn ? .dim : .overlay)
        }
        drawList(items, selected: browser.selected, in: Rect(x: inner.x, y: inner.y, width: listWidth, height: inner.height))
        // The selected preset's prompt, as its family's dialect renders it.
        let entry = state.presets[min(browser.selected, state.presets.count - 1)]
        let detailX = inner.x + listWidth + 2
        let detailWidth = inner.maxX - detailX
        guard detailWidth > 10 else { return }
        let rendered = entry.document.render()
        var lines = entry.isStyle
            ? ["A1111 style: Enter adds it to your prompt (again: removes it)", ""]
            : ["\(entry.document.family.rawValue) · \(entry.document.settings.steps) steps · CFG \(ParameterFormat.number(entry.document.settings.cfgScale)) · \(entry.document.settings.width)×\(entry.document.settings.height)", ""]
        lines += TextWrap.lines(rendered.prompt, width: detailWidth)
        if let negative = rendered.negative, !negative.isEmpty {
            lines += [""] + TextWrap.lines("Negative prompt: " + negative, width: detailWidth)
        }
        for (i, line) in lines.prefix(inner.height).enumerated() {
            canvas.text(line, x: detailX, y: inner.y + i, role: i == 0 ? .title : .overlay, width: detailWidth)
        }
    }

    /// The one-line field (a pre-filled value shown selected: typing replaces it) and, for a
    /// path, the folder's matching entries below it.
    private func drawTextEntry(_ entry: TextEntry, screen: Rect) -> (x: Int, y: Int)? {
        var listed: [String] = []
        if entry.isPath, let listing = entry.listing {
            listed = PathCompletion.matches(entry.field.text, in: listing, fileTypes: entry.fileTypes)
        }
        let listRows = entry.isPath ? min(max(1, listed.count), max(0, screen.height - 8), 10) : 0
        let help = Array(entry.helpLines.prefix(max(0, screen.height - 5)))
        let rect = screen.centered(width: min(screen.width - 2, 70),
                                   height: 3 + (listRows > 0 ? listRows + 1 : 0) + (help.isEmpty ? 0 : help.count + 1))
        window(rect, title: entry.title)
        let inner = rect.inner
        let width = inner.width - 2
        guard width > 0 else { return nil }
        canvas.text(CellWidth.fit(entry.field.visibleText(width: width), cells: width, pad: true),
                    x: inner.x + 1, y: inner.y, role: entry.prefilled ? .selection : .editing)
        if listRows > 0 {
            let folder = entry.listing?.folder ?? ""
            let heading = listed.isEmpty ? "nothing matches in \(folder.isEmpty ? "./" : folder)"
                : "\(listed.count) in \(folder.isEmpty ? "./" : folder)" + (listed.count > listRows ? " (first \(listRows))" : "")
            canvas.text(CellWidth.fit(heading, cells: width), x: inner.x + 1, y: inner.y + 1, role: .dim)
            for (i, name) in listed.prefix(listRows).enumerated() {
                canvas.text(CellWidth.fit("  " + name, cells: width), x: inner.x + 1, y: inner.y + 2 + i,
                            role: name.hasSuffix("/") ? .title : .overlay)
            }
        }
        for (i, line) in help.enumerated() {
            canvas.text(CellWidth.fit(line, cells: width), x: inner.x + 1, y: inner.y + 2 + i, role: .dim)
        }
        return (inner.x + 1 + entry.field.viewport(width: width).cursorColumn, inner.y)
    }

    private func drawConfirm(_ question: Confirmation, screen: Rect) {
        let width = min(screen.width - 2, max(40, CellWidth.of(question.question) + 6))
        let lines = TextWrap.lines(question.question, width: width - 4)
        let rect = screen.centered(width: width, height: lines.count + 4)
        window(rect, title: "Confirm")
        for (i, line) in lines.enumerated() {
            canvas.text(line, x: rect.x + 2, y: rect.y + 1 + i, role: .overlay, width: width - 4)
        }
        canvas.text("y yes · n no", x: rect.x + 2, y: rect.maxY - 2, role: .hintKey, width: width - 4)
    }
}
