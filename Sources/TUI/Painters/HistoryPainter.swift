import Imaging
import TUICore

/// The history browser: the renders newest first (date, seed, the prompt's start) on the left,
/// the selected one's thumbnail (the preview's symbols, through `PreviewCells`) and its settings
/// on the right. Under 70 columns the right side is the thumbnail alone; under 40, the list alone.
struct HistoryPainter {
    let canvas: CursesCanvas
    let state: AppState
    let pictures: (thumbnails: [String: RGBImage], cells: PreviewCells)?

    func draw(_ browser: HistoryBrowser, screen: Rect) {
        let rect = screen.centered(width: min(screen.width - 2, 100), height: min(screen.height - 2, 30))
        let items = state.historyItems
        let selected = max(0, min(browser.selected, items.count - 1))
        canvas.fill(rect, role: .overlay)
        canvas.box(rect, title: items.isEmpty ? "History" : "History · \(selected + 1) of \(items.count)", focused: true)
        let inner = rect.inner
        guard inner.height > 0, inner.width > 4 else { return }
        guard !items.isEmpty else {
            let text = "No renders yet: every finished render is kept here, newest first ($XDG_DATA_HOME/easel/history)."
            for (i, line) in TextWrap.lines(text, width: inner.width - 2).prefix(inner.height).enumerated() {
                canvas.text(line, x: inner.x + 1, y: inner.y + i, role: .placeholder)
            }
            return
        }
        let wide = inner.width >= 70
        let listWidth = wide ? min(46, inner.width / 2) : inner.width >= 40 ? inner.width - 16 : inner.width
        drawList(items, selected: selected, in: Rect(x: inner.x, y: inner.y, width: listWidth, height: inner.height))
        let detailX = inner.x + listWidth + 1
        let detail = Rect(x: detailX, y: inner.y, width: inner.maxX - detailX, height: inner.height)
        guard detail.width >= 8 else { return }
        let item = items[selected]
        let pictureRows = wide ? max(3, inner.height * 3 / 5) : inner.height
        if let pictures, let image = pictures.thumbnails[item.id] {
            let picture = PreviewImage(job: -2, step: item.id.hashValue, isFinal: true, image: image)
            pictures.cells.draw(picture, in: Rect(x: detail.x, y: detail.y, width: detail.width, height: pictureRows), canvas: canvas)
        }
        guard wide else { return }
        drawDetails(item, in: Rect(x: detail.x, y: detail.y + pictureRows, width: detail.width, height: detail.height - pictureRows))
    }

    /// One line per render: "12-04 01:20 · 1234567 · a lighthouse, …" (the time alone under
    /// 44 columns, so the words keep some room).
    private func drawList(_ items: [HistoryItem], selected: Int, in box: Rect) {
        let first = max(0, min(selected - box.height / 2, items.count - box.height))
        for (i, item) in items.enumerated().dropFirst(first).prefix(box.height) {
            let words = item.summary.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let date = box.width >= 44 ? item.date.dropFirst(5) : item.date.suffix(5)
            let line = " \(date) · \(item.document.settings.seed) · \(words)"
            canvas.text(CellWidth.fit(line, cells: box.width, pad: true), x: box.x, y: box.y + i - first,
                        role: i == selected ? .selection : .overlay)
        }
    }

    private func drawDetails(_ item: HistoryItem, in box: Rect) {
        guard box.height > 0 else { return }
        let s = item.document.settings
        var lines = ["seed \(s.seed) · \(s.width)×\(s.height) · \(s.steps) steps",
                     "\(s.sampler.displayName) · CFG \(ParameterFormat.number(s.cfgScale))" + (item.engine.map { " · \($0)" } ?? "")]
        lines += TextWrap.lines(item.prompt, width: box.width)
        for (i, line) in lines.prefix(box.height).enumerated() {
            canvas.text(line, x: box.x, y: box.y + i, role: i < 2 ? .title : .overlay, width: box.width)
        }
    }
}
