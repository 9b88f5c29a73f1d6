import CChafa
import Imaging

/// Image → DEC sixel bytes, with chafa (`CHAFA_PIXEL_MODE_SIXELS`, `chafa_canvas_print`).
///
/// The output starts with DCS (`ESC P … q`) and ends with ST (`ESC \`), so it can be written to
/// the terminal as is at the cursor position. chafa picks a palette of up to 256 colours for the
/// image and draws it at the requested pixel size, except that the height is rounded *down* to a
/// multiple of 6 (one sixel band), so the picture never spills into a partial band below.
public enum SixelEncoder {
    /// Larger sizes are refused (xterm's own maximum graphic size is 4096×4096 when configured).
    public static let maximumSide = 4096

    /// Sixel bytes for `image` scaled (stretched if the aspect differs; see ``ImageFit``) to
    /// `width × height` pixels. `height` must be at least 6.
    public static func encode(_ image: RGBImage, width: Int, height: Int) throws -> [UInt8] {
        guard !image.isEmpty else { throw TermImageError("cannot draw an empty image as sixels") }
        guard (1...maximumSide).contains(width), (6...maximumSide).contains(height) else {
            throw TermImageError("sixel size \(width)×\(height) is outside 1×6 … \(maximumSide)×\(maximumSide)")
        }
        guard let config = chafa_canvas_config_new() else { throw TermImageError("chafa could not create a canvas configuration") }
        defer { chafa_canvas_config_unref(config) }
        chafa_canvas_config_set_pixel_mode(config, CHAFA_PIXEL_MODE_SIXELS)
        chafa_canvas_config_set_dither_mode(config, CHAFA_DITHER_MODE_DIFFUSION)
        // One "cell" per pixel makes the canvas exactly width × height pixels.
        chafa_canvas_config_set_cell_geometry(config, 1, 1)
        chafa_canvas_config_set_geometry(config, Int32(width), Int32(height))

        guard let canvas = chafa_canvas_new(config) else { throw TermImageError("chafa could not create a \(width)×\(height) sixel canvas") }
        defer { chafa_canvas_unref(canvas) }
        let (pixels, rowBytes) = Self.rowsOfWholeWords(image)
        pixels.withUnsafeBufferPointer { pixels in
            chafa_canvas_draw_all_pixels(canvas, CHAFA_PIXEL_RGB8, pixels.baseAddress,
                                         Int32(image.width), Int32(image.height), Int32(rowBytes))
        }
        // The fallback terminal description carries the standard sixel sequences (DCS … q, ST).
        guard let termInfo = chafa_term_db_get_fallback_info(chafa_term_db_get_default()) else {
            throw TermImageError("chafa has no terminal description for sixels")
        }
        defer { chafa_term_info_unref(termInfo) }
        guard let printed = chafa_canvas_print(canvas, termInfo) else { throw TermImageError("chafa produced no sixel output") }
        let bytes = Array(UnsafeRawBufferPointer(start: printed.pointee.str, count: Int(printed.pointee.len)))
        g_string_free(printed, 1)
        guard bytes.starts(with: [0x1B, 0x50]), bytes.suffix(2) == [0x1B, 0x5C] else {
            throw TermImageError("chafa's sixel output is not framed by DCS … ST")
        }
        return bytes
    }

    /// The image's RGB rows, each padded to a multiple of 4 bytes, and that row length. chafa
    /// 1.12 (Debian 12) shears a picture whose rows are not whole 4-byte words (241 px = 723
    /// bytes came out one pixel further right on every row; `SixelEncoderTests` decodes it).
    static func rowsOfWholeWords(_ image: RGBImage) -> (pixels: [UInt8], rowBytes: Int) {
        let packed = image.width * 3
        let rowBytes = (packed + 3) / 4 * 4
        guard rowBytes != packed else { return (image.pixels, packed) }
        var pixels = [UInt8](repeating: 0, count: rowBytes * image.height)
        for y in 0..<image.height {
            pixels.replaceSubrange((y * rowBytes)..<(y * rowBytes + packed), with: image.pixels[(y * packed)..<((y + 1) * packed)])
        }
        return (pixels, rowBytes)
    }

    /// `sixel` wrapped to draw with its top-left corner at the zero-based cell `row`, `column`:
    /// save cursor (DECSC `ESC 7`), move (CUP `CSI row;column H`), the image, restore cursor
    /// (DECRC `ESC 8`). This is how a curses UI places an image after its own refresh.
    public static func positioned(_ sixel: [UInt8], row: Int, column: Int) -> [UInt8] {
        Array("\u{1B}7\u{1B}[\(max(0, row) + 1);\(max(0, column) + 1)H".utf8) + sixel + Array("\u{1B}8".utf8)
    }
}
