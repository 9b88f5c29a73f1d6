import TUICore

/// The medium layout's one-row parameter summary: family, sampler, steps, CFG, size and seed,
/// with a value outside the model's or family's advice in the warning role. Tab brings up the
/// full parameter panel in the grid's place.
struct SummaryPainter {
    let canvas: CursesCanvas
    let state: AppState

    static let fields: [ParameterField] = [.family, .sampler, .steps, .cfg, .width, .seed]

    func draw(in rect: Rect) {
        canvas.fill(rect, role: .text)
        var x = rect.x + 1
        let doc = state.document
        for field in Self.fields {
            let text: String
            switch field {
            case .steps: text = "\(doc.settings.steps) steps"
            case .cfg: text = "CFG \(ParameterFormat.value(.cfg, doc))"
            case .width: text = "\(doc.settings.width)×\(doc.settings.height)"
            case .seed: text = "seed \(doc.settings.seed)" + (doc.seedLocked ? "" : " (random)")
            default: text = ParameterFormat.value(field, doc)
            }
            let outside = ParameterFormat.isOutsideAdvice(field, doc, advice: state.currentModelAdvice)
            let needed = CellWidth.of(text) + 3
            guard x + needed <= rect.maxX else { break }
            x += canvas.text(text, x: x, y: rect.y, role: outside ? .warning : .value)
            x += canvas.text(" · ", x: x, y: rect.y, role: .dim)
        }
        if state.focus != .parameters {
            let tail = "Tab: parameters"
            if x + CellWidth.of(tail) <= rect.maxX { canvas.text(tail, x: x, y: rect.y, role: .dim) }
        }
    }
}
