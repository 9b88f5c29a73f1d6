import TUICore

/// The preview pane's frame and its words; the picture itself is drawn by `PreviewCells`
/// (symbols) or `SixelPresenter` (sixel), or not at all (`--graphics none`).
struct PreviewPainter {
    let canvas: CursesCanvas
    let state: AppState

    /// Draws the frame and any message; returns the rectangle left for the picture (nil when a
    /// message fills the pane instead).
    func draw(in rect: Rect, hasImage: Bool, graphicsOff: Bool) -> Rect? {
        var title = "Preview"
        if let preview = state.preview {
            title += preview.isFinal ? " · final" : " · step \(preview.step)/\(preview.totalSteps)"
        }
        canvas.box(rect, title: title, focused: state.focus == .preview && state.overlays.isEmpty)
        let inner = rect.inner
        guard inner.width > 2, inner.height > 0 else { return nil }
        if hasImage && !graphicsOff { return inner }
        let message: (String, ThemeRole)
        if graphicsOff {
            message = ("Image preview off (--graphics none)", .dim)
        } else if case .unavailable(let text) = state.render {
            message = (text, .error)
        } else if case .failed(let name, let text) = state.model {
            message = ("\(name): \(text)", .error)
        } else if case .loading(let name) = state.model {
            message = ("Loading \(name)…", .dim)
        } else if state.model == .none {
            message = ("No model loaded: start easel with --model PATH. The prompt tools work without one.", .dim)
        } else {
            message = ("The picture appears here while it renders.", .dim)
        }
        let lines = TextWrap.lines(message.0, width: inner.width - 2)
        let top = inner.y + max(0, (inner.height - lines.count) / 2)
        for (i, line) in lines.prefix(inner.height).enumerated() {
            canvas.text(line, x: inner.x + max(1, (inner.width - CellWidth.of(line)) / 2), y: top + i, role: message.1)
        }
        return nil
    }
}
