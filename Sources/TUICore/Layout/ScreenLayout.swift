/// Where each pane goes for a terminal size. Pure arithmetic, so tests can check every size.
///
/// - `full` (at least `fullSize`): grid editor and prompt view on the left, parameters and the
///   preview on the right, then the status line and the key hint line.
/// - `medium` (at least `mediumSize`, e.g. 80×24): the grid (or, while it has focus, the
///   parameter panel) and the prompt view on the left, the preview on the right, and the
///   parameters as one summary row above the status line.
/// - `compact` (at least `compactSize`): one pane at a time (the focused one) above a short prompt
///   view when there is room; Tab cycles grid → prompt → parameters → preview.
/// - `tooSmall`: only a message saying how large the terminal must be.
public struct ScreenLayout: Equatable, Sendable {
    public enum Mode: Equatable, Sendable { case full, medium, compact, tooSmall }

    public static let fullSize = (columns: 96, rows: 24)
    public static let mediumSize = (columns: 60, rows: 18)
    public static let compactSize = (columns: 40, rows: 10)

    public var mode: Mode
    public var columns: Int
    public var rows: Int
    public var grid: Rect?
    public var prompt: Rect?
    public var parameters: Rect?
    /// The one-row parameter summary of the medium layout.
    public var summary: Rect?
    public var preview: Rect?
    public var status: Rect?
    public var hint: Rect?

    /// Rows the parameter panel needs inside its border.
    public static func parameterRows(_ count: Int) -> Int { count }

    public init(columns: Int, rows: Int, focus: Pane, parameterCount: Int, gridLineCount: Int = GridLine.all.count) {
        self.columns = columns
        self.rows = rows
        mode = .tooSmall
        if columns >= Self.fullSize.columns && rows >= Self.fullSize.rows {
            mode = .full
            layoutFull(parameterCount: parameterCount, gridLineCount: gridLineCount)
        } else if columns >= Self.mediumSize.columns && rows >= Self.mediumSize.rows {
            mode = .medium
            layoutMedium(focus: focus, gridLineCount: gridLineCount)
        } else if columns >= Self.compactSize.columns && rows >= Self.compactSize.rows {
            mode = .compact
            layoutCompact(focus: focus)
        }
    }

    private mutating func layoutFull(parameterCount: Int, gridLineCount: Int) {
        let body = rows - 2
        status = Rect(x: 0, y: rows - 2, width: columns, height: 1)
        hint = Rect(x: 0, y: rows - 1, width: columns, height: 1)
        // The right column is as wide as a square preview of the rows left below the parameters
        // (terminal cells are about twice as tall as wide), within 38…45% of the screen.
        let paramsHeight = min(parameterCount + 2, body / 2)
        let previewRows = body - paramsHeight
        let squareWidth = (previewRows - 2) * 2 + 2
        let right = min(max(38, squareWidth), columns * 45 / 100)
        let left = columns - right
        // The grid gets the rows its lines need; the prompt view the rest (at least 8).
        let gridHeight = min(gridLineCount + 2, body - 8)
        let promptHeight = body - gridHeight
        grid = Rect(x: 0, y: 0, width: left, height: gridHeight)
        prompt = Rect(x: 0, y: body - promptHeight, width: left, height: promptHeight)
        parameters = Rect(x: left, y: 0, width: right, height: paramsHeight)
        preview = Rect(x: left, y: paramsHeight, width: right, height: previewRows)
    }

    /// Grid, prompt and preview at once; the parameter panel takes the grid's place while it
    /// has focus, so the preview stays in sight while CFG or steps change.
    private mutating func layoutMedium(focus: Pane, gridLineCount: Int) {
        let body = rows - 3
        summary = Rect(x: 0, y: rows - 3, width: columns, height: 1)
        status = Rect(x: 0, y: rows - 2, width: columns, height: 1)
        hint = Rect(x: 0, y: rows - 1, width: columns, height: 1)
        let squareWidth = (body - 2) * 2 + 2
        let right = min(squareWidth, columns * 40 / 100)
        let left = columns - right
        let topHeight = min(gridLineCount + 2, body - 5)
        let top = Rect(x: 0, y: 0, width: left, height: topHeight)
        if focus == .parameters { parameters = top } else { grid = top }
        prompt = Rect(x: 0, y: topHeight, width: left, height: body - topHeight)
        preview = Rect(x: left, y: 0, width: right, height: body)
    }

    private mutating func layoutCompact(focus: Pane) {
        let body = rows - 2
        status = Rect(x: 0, y: rows - 2, width: columns, height: 1)
        hint = Rect(x: 0, y: rows - 1, width: columns, height: 1)
        let full = Rect(x: 0, y: 0, width: columns, height: body)
        switch focus {
        case .preview:
            preview = full
        case .prompt:
            prompt = full
        case .grid, .parameters:
            // Below 16 rows the focused pane takes the whole body; above, the prompt view gets
            // a third of it.
            var paneRect = full
            if rows >= 16 {
                let promptHeight = max(5, body / 3)
                paneRect.height = body - promptHeight
                prompt = Rect(x: 0, y: body - promptHeight, width: columns, height: promptHeight)
            }
            if focus == .grid { grid = paneRect } else { parameters = paneRect }
        }
    }

    /// The rectangle of a pane, if shown.
    public func rect(of pane: Pane) -> Rect? {
        switch pane {
        case .grid: return grid
        case .prompt: return prompt
        case .parameters: return parameters
        case .preview: return preview
        }
    }

    /// The panes Tab cycles through in this layout.
    public var focusablePanes: [Pane] {
        switch mode {
        case .compact: return [.grid, .prompt, .parameters, .preview]
        default: return [.grid, .parameters, .prompt]
        }
    }
}
