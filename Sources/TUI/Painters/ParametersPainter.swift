import EngineAPI
import PromptKit
import TUICore

/// The parameter panel: choices as ‹ value ›, numbers as sliders with the recommended range
/// (the model's own, else its family's) marked, and the seed with its lock.
struct ParametersPainter {
    let canvas: CursesCanvas
    let state: AppState

    func draw(in rect: Rect) {
        let focused = state.focus == .parameters && state.overlays.isEmpty
        canvas.box(rect, title: "Parameters" + (state.engines.where.map { " · " + $0 } ?? ""), focused: focused)
        let inner = rect.inner
        guard inner.width > 12, inner.height > 0 else { return }
        let fields = ParameterField.allCases
        let selectedRow = fields.firstIndex(of: state.parameter) ?? 0
        let first = max(0, min(selectedRow - inner.height + 1, fields.count - inner.height))
        for (offset, field) in fields.dropFirst(first).prefix(inner.height).enumerated() {
            drawRow(field, y: inner.y + offset, x: inner.x, width: inner.width,
                    selected: field == state.parameter && focused)
        }
    }

    private func drawRow(_ field: ParameterField, y: Int, x: Int, width: Int, selected: Bool) {
        let labelWidth = 10
        canvas.text(CellWidth.fit(field.label, cells: labelWidth, pad: true), x: x, y: y,
                    role: selected ? .selection : .label)
        let x = x + labelWidth + 1
        let width = width - labelWidth - 1
        let family = state.document.family
        let value = ParameterFormat.value(field, state.document, modelName: modelLabel)
        if let scale = field.slider {
            let advice = state.currentModelAdvice
            let recommended = ParameterFormat.recommended(field, family: family, advice: advice)
            let current = numericValue(field)
            let note = ParameterFormat.recommendedLabel(field, family: family, advice: advice, value: current) ?? ""
            let valueText = CellWidth.fit(value, cells: 5, pad: true)
            // The note column has one width for every slider, so the bars line up.
            let noteWidth = 11
            let barWidth = max(0, width - 6 - noteWidth - 1)
            if barWidth >= 4 {
                drawSlider(x: x, y: y, width: barWidth, scale: scale, value: current, recommended: recommended)
            }
            let valueX = x + (barWidth >= 4 ? barWidth + 1 : 0)
            let outside = recommended.map { !$0.contains(current) } ?? false
            canvas.text(valueText, x: valueX, y: y, role: outside ? .warning : .value)
            if !note.isEmpty {
                canvas.text(CellWidth.fit(note, cells: noteWidth), x: valueX + 6, y: y, role: outside ? .warning : .dim)
            }
        } else if field.isSeed {
            let variation = state.document.settings.variation
            let lock = field == .variationSeed ? (variation.isActive ? "mixed in" : "off (str. 0)")
                : state.document.seedLocked ? "locked" : "random each render"
            let used = canvas.text(value, x: x, y: y, role: .value)
            canvas.text("  " + lock, x: x + used, y: y, role: .dim, width: width - used)
        } else {
            let text = field.isChoice ? "‹ \(value) ›" : value
            canvas.text(CellWidth.fit(text, cells: width), x: x, y: y, role: .value)
        }
    }

    private var modelLabel: String? {
        switch state.model {
        case .none: return state.document.modelPath == nil ? "none" : nil
        case .loading(let name): return "\(name) (loading)"
        case .ready(let name): return name
        case .failed(let name, _): return "\(name) (failed)"
        }
    }

    private func numericValue(_ field: ParameterField) -> Double {
        let s = state.document.settings
        switch field {
        case .steps: return Double(s.steps)
        case .cfg: return s.cfgScale
        case .clipSkip: return Double(s.clipSkip)
        case .width: return Double(s.width)
        case .height: return Double(s.height)
        case .variationStrength: return s.variation.strength
        default: return 0
        }
    }

    /// `━━━━━●──═══──`: filled up to the value, the family's recommended band in its own role
    /// (`═` ahead of the knob, coloured `━` behind it).
    private func drawSlider(x: Int, y: Int, width: Int, scale: SliderScale, value: Double,
                            recommended: ClosedRange<Double>?) {
        let knob = Int((scale.fraction(value) * Double(width - 1)).rounded())
        for i in 0..<width {
            let cellValue = scale.range.lowerBound + (scale.range.upperBound - scale.range.lowerBound) * Double(i) / Double(max(1, width - 1))
            let inBand = recommended.map { band in
                // A cell is in the band if the band overlaps the cell's span.
                let half = (scale.range.upperBound - scale.range.lowerBound) / Double(max(1, width - 1)) / 2
                return band.upperBound >= cellValue - half && band.lowerBound <= cellValue + half
            } ?? false
            if i == knob {
                canvas.text("●", x: x + i, y: y, role: .value)
            } else if i < knob {
                canvas.text("━", x: x + i, y: y, role: inBand ? .sliderRecommended : .sliderFill)
            } else {
                canvas.text(inBand ? "═" : "─", x: x + i, y: y, role: inBand ? .sliderRecommended : .sliderTrack)
            }
        }
    }
}
