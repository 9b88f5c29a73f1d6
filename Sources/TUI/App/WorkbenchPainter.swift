import CNCursesW
import Imaging
import TermImage
import TUICore

/// Draws a whole frame from the state: panes for the layout, overlays on top, the cursor, and
/// the preview picture in the chosen graphics mode.
final class WorkbenchPainter {
    let canvas: CursesCanvas
    let keymap: Keymap
    let graphics: GraphicsMode
    let cells = PreviewCells()
    let thumbnailCells = PreviewCells()
    let historyCells = PreviewCells()
    let sixel: SixelPresenter

    init(canvas: CursesCanvas, keymap: Keymap, graphics: GraphicsMode, cellPixelSize: PixelSize) {
        self.canvas = canvas
        self.keymap = keymap
        self.graphics = graphics
        sixel = SixelPresenter(cellPixelSize: cellPixelSize)
        cells.cellAspectRatio = Double(cellPixelSize.width) / Double(max(1, cellPixelSize.height))
        historyCells.cellAspectRatio = cells.cellAspectRatio
    }

    /// Paints into curses' buffer and updates the terminal; afterwards sends a sixel picture if
    /// one is due.
    func frame(_ state: AppState, preview: PreviewImage?, initImage: RGBImage? = nil,
               historyThumbnails: [String: RGBImage] = [:], screen: CursesScreen) {
        canvas.clear()
        let layout = state.layout
        var cursor: (x: Int, y: Int)?
        var sixelPlacement: SixelPresenter.Placement?
        if layout.mode == .tooSmall {
            drawTooSmall(layout)
        } else {
            if let rect = layout.grid { cursor = GridPainter(canvas: canvas, state: state).draw(in: rect) }
            if let rect = layout.prompt { PromptPainter(canvas: canvas, state: state).draw(in: rect) }
            if let rect = layout.parameters { ParametersPainter(canvas: canvas, state: state).draw(in: rect) }
            if let rect = layout.preview {
                let shown = state.preview != nil && preview != nil ? preview : nil
                var picture = PreviewPainter(canvas: canvas, state: state)
                    .draw(in: rect, hasImage: shown != nil, graphicsOff: graphics == .none)
                // The init image's thumbnail takes the right quarter; the picture the rest.
                if let initImage, graphics != .none, drawThumbnail(initImage, beside: rect.inner, state: state) {
                    picture = picture.map { Rect(x: $0.x, y: $0.y, width: $0.width - Self.thumbnailWidth($0), height: $0.height) }
                }
                if let inner = picture, let shown {
                    if graphics == .sixel {
                        if state.overlays.isEmpty { sixelPlacement = sixel.placement(for: shown, in: inner) }
                    } else {
                        cells.draw(shown, in: inner, canvas: canvas)
                    }
                }
            }
            if let rect = layout.summary { SummaryPainter(canvas: canvas, state: state).draw(in: rect) }
            if let rect = layout.status { StatusPainter(canvas: canvas.on(.statusBar), state: state).draw(in: rect) }
            if let rect = layout.hint { HintPainter(canvas: canvas.on(.hintText), state: state, keymap: keymap).draw(in: rect) }
            if !state.overlays.isEmpty {
                var overlays = OverlayPainter(canvas: canvas.on(.overlay), state: state, keymap: keymap)
                if graphics != .none { overlays.history = (historyThumbnails, historyCells) }
                // Overlays stay above the status line, so what an action in them did (and the
                // render's progress) stays readable while they are open.
                let above = layout.status?.y ?? layout.hint?.y ?? layout.rows
                cursor = overlays.draw(screen: Rect(x: 0, y: 0, width: layout.columns, height: above))
            }
        }
        screen.placeCursor(cursor)
        sixel.prepare(sixelPlacement)
        wnoutrefresh(stdscr)
        doupdate()
        sixel.present(sixelPlacement, image: preview, screen: screen)
    }

    /// Columns the init image's thumbnail takes at the right of the preview: a quarter, when
    /// the pane is wide enough (24 columns) for both.
    static func thumbnailWidth(_ inner: Rect) -> Int { inner.width >= 24 && inner.height >= 4 ? inner.width / 4 : 0 }

    /// The init image as symbols at the top right of the preview, labelled with its strength;
    /// false when there is no room.
    private func drawThumbnail(_ image: RGBImage, beside inner: Rect, state: AppState) -> Bool {
        let width = Self.thumbnailWidth(inner)
        guard width > 0 else { return false }
        let box = Rect(x: inner.x + inner.width - width, y: inner.y, width: width, height: max(2, inner.height / 2))
        canvas.text("init \(ParameterFormat.value(.strength, state.document))", x: box.x, y: box.y, role: .dim, width: width)
        let picture = PreviewImage(job: -1, step: image.hashValue, isFinal: true, image: image)
        thumbnailCells.draw(picture, in: Rect(x: box.x, y: box.y + 1, width: box.width, height: box.height - 1), canvas: canvas)
        return true
    }

    /// The screen was cleared behind our back (resize): forget what sixel showed.
    func screenCleared() {
        sixel.invalidate()
        clearok(curscr, true)
    }

    private func drawTooSmall(_ layout: ScreenLayout) {
        let need = ScreenLayout.compactSize
        let lines = TextWrap.lines("Easel needs a terminal of at least \(need.columns)×\(need.rows); this one is \(layout.columns)×\(layout.rows). Enlarge it, or press Ctrl-Q to quit.",
                                   width: max(1, layout.columns - 2))
        let top = max(0, (layout.rows - lines.count) / 2)
        for (i, line) in lines.prefix(layout.rows).enumerated() {
            canvas.text(line, x: max(0, (layout.columns - CellWidth.of(line)) / 2), y: top + i, role: .warning)
        }
    }
}
