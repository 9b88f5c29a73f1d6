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
        x += drawRender(x: x, y: rect.y, width: max(rect.width * 3 / 5, min(rect.width, 64)))
        let right = rightText
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

    private var rightText: String {
        var parts: [String] = []
        if let name = state.model.name { parts.append(name) }
        switch state.render {
        case .running(let p): parts.append("seed \(p.seed)")
        case .finished(_, _, let seed, _): parts.append("seed \(seed)")
        default: parts.append("seed \(state.document.settings.seed)")
        }
        return parts.joined(separator: " · ")
    }

    /// Returns the cells used.
    private func drawRender(x: Int, y: Int, width: Int) -> Int {
        switch state.render {
        case .running(let p):
            let barWidth = min(20, max(6, width / 3))
            let filled = Int((p.fraction * Double(barWidth)).rounded(.down))
            canvas.text(String(repeating: "█", count: filled), x: x + 1, y: y, role: .progressFill)
            canvas.text(String(repeating: "░", count: barWidth - filled), x: x + 1 + filled, y: y, role: .progressTrack)
            var text = " \(Int((p.fraction * 100).rounded(.down)))% step \(p.step)/\(p.totalSteps)"
            if let rate = p.iterationsPerSecond { text += String(format: " · %.2f it/s", rate) }
            if let eta = p.secondsRemaining { text += " · ETA " + StatusPainter.duration(eta) }
            let used = canvas.text(text, x: x + 1 + barWidth, y: y, role: .statusBar, width: width - barWidth - 1)
            return 1 + barWidth + used
        case .finished(_, let seconds, _, let steps):
            let text = seconds > 0 ? " ✓ done · \(steps) steps in \(StatusPainter.duration(seconds))" : " ✓ done"
            return canvas.text(text, x: x, y: y, role: .success, width: width)
        case .waiting:
            return canvas.text(" … waiting for changes to settle", x: x, y: y, role: .statusBar, width: width)
        case .failed:
            return canvas.text(" ✗ render failed", x: x, y: y, role: .error, width: width)
        case .unavailable:
            return canvas.text(" ✗ no model", x: x, y: y, role: .error, width: width)
        case .idle:
            if case .loading(let name) = state.model {
                return canvas.text(" loading \(name)…", x: x, y: y, role: .statusBar, width: width)
            }
            return canvas.text(" idle", x: x, y: y, role: .statusBar, width: width)
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
