import Foundation
import TUICore

/// The status line: render progress (bar, step, it/s, ETA) or result, the latest message, and
/// on the right the model name and the seed used.
struct StatusPainter {
    let canvas: CursesCanvas
    let state: AppState

    func draw(in rect: Rect) {
        canvas.fill(rect, role: .statusBar)
        var x = rect.x
        let renderWidth = max(rect.width * 3 / 5, min(rect.width, 64))
        var right = rightText(withModel: true)
        // The latest message is what the person just did: when dropping the render's rate and
        // ETA, then the model's name, lets it show whole, they give way; a message too long
        // for that is shortened instead.
        var detail = ProgressDetail.full
        if let message = state.status {
            let need = CellWidth.of(message.text) + 4
            func fits(_ d: ProgressDetail, _ r: String) -> Bool {
                progressCells(d, width: renderWidth) + need + CellWidth.of(r) + 1 <= rect.width
            }
            let withoutModel = rightText(withModel: false)
            let choices = [(ProgressDetail.full, right), (.withoutRate, right), (.bare, right), (.bare, withoutModel)]
            // Too long for every choice: the message is shortened beside the full render part,
            // except that an error after a settled render ("✓ done · 20 steps in …") gets the
            // barest one, so a failed engine switch says what failed.
            var settled = true
            if case .running = state.render { settled = false }
            let barest = settled && message.kind == .error
            (detail, right) = choices.first(where: { fits($0.0, $0.1) }) ?? (barest ? (.minimal, choices[choices.count - 1].1) : choices[0])
        }
        x += drawRender(x: x, y: rect.y, width: renderWidth, detail: detail)
        var rightWidth = min(CellWidth.of(right), max(0, rect.maxX - x - 2))
        // A message naming a path that does not fit beside the model and seed gets their room too.
        if let message = state.status, message.text.contains("/"),
           CellWidth.of(message.text) + 4 > rect.maxX - x - rightWidth { rightWidth = 0 }
        if let message = state.status {
            let role: ThemeRole
            switch message.kind {
            case .info: role = .statusBar
            case .success: role = .success
            case .warning: role = .warning
            case .error: role = .error
            }
            let width = rect.maxX - x - rightWidth - 2
            if width > 4 { canvas.text("  " + TextShorten.fit(message.text, cells: width - 2), x: x, y: rect.y, role: role, width: width) }
        }
        if rightWidth > 0 {
            canvas.text(CellWidth.fit(right, cells: rightWidth), x: rect.maxX - rightWidth - 1, y: rect.y, role: .statusBar)
        }
    }

    private func rightText(withModel: Bool) -> String {
        var parts: [String] = []
        if withModel, let name = state.model.name { parts.append(name) }
        switch state.render {
        case .running(let p): parts.append("seed \(p.seed)")
        case .finished(_, _, let seed, _): parts.append("seed \(seed)")
        default: parts.append("seed \(state.document.settings.seed)")
        }
        return parts.joined(separator: " · ")
    }

    /// How much of a running render's progress the status line shows.
    /// `.minimal` is `.bare` plus a settled render's summary cut to "✓ done" (an error's room).
    enum ProgressDetail { case full, withoutRate, bare, minimal }

    private func progressText(_ p: RenderProgress, detail: ProgressDetail) -> String {
        var text = " \(Int((p.fraction * 100).rounded(.down)))% step \(p.step)/\(p.totalSteps)"
        if detail == .full, let rate = p.iterationsPerSecond { text += String(format: " · %.2f it/s", rate) }
        if detail != .bare && detail != .minimal, let eta = p.secondsRemaining { text += " · ETA " + StatusPainter.duration(eta) }
        return text
    }

    /// The bar's cells: a third of the render part, 6 to 20; 6 when a message needs the room.
    private func barWidth(_ width: Int, _ detail: ProgressDetail) -> Int { detail == .bare || detail == .minimal ? 6 : min(20, max(6, width / 3)) }

    /// The cells the render part takes at this detail (only a running render's part varies).
    private func progressCells(_ detail: ProgressDetail, width: Int) -> Int {
        guard case .running(let p) = state.render else { return min(width, CellWidth.of(settledText(detail).0)) }
        return min(width, 1 + barWidth(width, detail) + CellWidth.of(progressText(p, detail: detail)))
    }

    /// Returns the cells used.
    private func drawRender(x: Int, y: Int, width: Int, detail: ProgressDetail) -> Int {
        switch state.render {
        case .running(let p):
            let barWidth = barWidth(width, detail)
            let filled = Int((p.fraction * Double(barWidth)).rounded(.down))
            canvas.text(String(repeating: "█", count: filled), x: x + 1, y: y, role: .progressFill)
            canvas.text(String(repeating: "░", count: barWidth - filled), x: x + 1 + filled, y: y, role: .progressTrack)
            let used = canvas.text(progressText(p, detail: detail), x: x + 1 + barWidth, y: y, role: .statusBar, width: width - barWidth - 1)
            return 1 + barWidth + used
        default:
            let (text, role) = settledText(detail)
            return canvas.text(text, x: x, y: y, role: role, width: width)
        }
    }

    /// What the render part says when no render is running; at `.minimal` (an error needs the
    /// room) a finished render is only "✓ done".
    private func settledText(_ detail: ProgressDetail) -> (String, ThemeRole) {
        switch state.render {
        case .finished(_, let seconds, _, let steps):
            return (seconds > 0 && detail != .minimal ? " ✓ done · \(steps) steps in \(StatusPainter.duration(seconds))" : " ✓ done", .success)
        case .waiting: return (detail == .minimal ? " … waiting" : " … waiting for changes to settle", .statusBar)
        case .failed: return (" ✗ render failed", .error)
        case .unavailable: return (" ✗ no model", .error)
        case .running, .idle:
            if case .loading(let name) = state.model { return (" loading \(name)…", .statusBar) }
            return (" idle", .statusBar)
        }
    }

    /// "0:07", "1:02:03".
    static func duration(_ seconds: Double) -> String {
        if seconds < 10 { return String(format: "%.1f s", seconds) }
        let total = Int(seconds.rounded())
        let (h, m, s) = (total / 3600, (total / 60) % 60, total % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
    }
}
