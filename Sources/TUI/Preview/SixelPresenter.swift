import CNCursesW
import TermImage
import TUICore

/// Puts sixel images on the terminal beside curses, which knows nothing of them.
///
/// Curses leaves the preview pane's cells blank; after each `doupdate` the image is written at
/// the pane's position (`SixelEncoder.positioned`: save cursor, move, image, restore). It is sent
/// again only when the picture or the pane changed or the screen was cleared. When the image must
/// go (an overlay opens, the layout changes, the picture shrinks), the next update clears the
/// whole screen (`clearok`), because text written over sixel pixels does not erase them in every
/// terminal.
final class SixelPresenter {
    struct Placement: Equatable {
        var key: String
        var column: Int
        var row: Int
        var width: Int
        var height: Int
    }

    var cellPixelSize: PixelSize
    private var shown: Placement?
    private var cachedKey = ""
    private var cachedBytes: [UInt8] = []

    init(cellPixelSize: PixelSize) { self.cellPixelSize = cellPixelSize }

    /// The screen was cleared: nothing is shown any more.
    func invalidate() { shown = nil }

    /// Where an image goes in `rect` (cells): centred, aspect kept, height a multiple of 6 px.
    func placement(for preview: PreviewImage, in rect: Rect) -> Placement? {
        let maxWidth = rect.width * cellPixelSize.width
        let maxHeight = rect.height * cellPixelSize.height
        let fit = ImageFit.pixels(imageWidth: preview.image.width, imageHeight: preview.image.height,
                                  maxWidth: maxWidth, maxHeight: maxHeight)
        let height = fit.height / 6 * 6
        guard fit.width > 0, height >= 6 else { return nil }
        let columns = (fit.width + cellPixelSize.width - 1) / cellPixelSize.width
        let rows = (height + cellPixelSize.height - 1) / cellPixelSize.height
        return Placement(key: preview.key, column: rect.x + (rect.width - columns) / 2,
                         row: rect.y + (rect.height - rows) / 2, width: fit.width, height: height)
    }

    /// Before `doupdate`: if what is shown must disappear or move, have curses clear the screen.
    func prepare(_ wanted: Placement?) {
        guard let shown else { return }
        if let wanted, wanted.column == shown.column, wanted.row == shown.row,
           wanted.width == shown.width, wanted.height == shown.height {
            return   // same place and size: the new image simply paints over the old one
        }
        clearok(curscr, true)
        self.shown = nil
    }

    /// After `doupdate`: sends the image when it is not on screen yet.
    func present(_ wanted: Placement?, image: PreviewImage?, screen: CursesScreen) {
        guard let wanted, let image, wanted != shown else { return }
        let cacheKey = "\(wanted.key) \(wanted.width)x\(wanted.height)"
        if cacheKey != cachedKey {
            guard let bytes = try? SixelEncoder.encode(image.image, width: wanted.width, height: wanted.height) else { return }
            cachedBytes = bytes
            cachedKey = cacheKey
        }
        screen.writeRaw(SixelEncoder.positioned(cachedBytes, row: wanted.row, column: wanted.column))
        shown = wanted
    }
}
