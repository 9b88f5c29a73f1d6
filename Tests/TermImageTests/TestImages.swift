import Imaging
import TermImage

/// Small images with colours chosen by hand, and cell helpers.
enum TestImages {
    static let red = RGBColor(red: 255, green: 0, blue: 0)
    static let green = RGBColor(red: 0, green: 255, blue: 0)
    static let blue = RGBColor(red: 0, green: 0, blue: 255)
    static let yellow = RGBColor(red: 255, green: 255, blue: 0)
    static let navy = RGBColor(red: 10, green: 20, blue: 30)
    static let rust = RGBColor(red: 200, green: 100, blue: 50)

    /// 2 wide × 4 high:
    /// ```
    /// row 0:  red    green
    /// row 1:  blue   white
    /// row 2:  black  yellow
    /// row 3:  navy   rust
    /// ```
    static func twoByFour() throws -> RGBImage {
        let rows: [[RGBColor]] = [[red, green], [blue, .white], [.black, yellow], [navy, rust]]
        return try RGBImage(width: 2, height: 4, pixels: rows.flatMap { $0.flatMap { [$0.red, $0.green, $0.blue] } })
    }

    /// The colours of a cell's upper and lower halves, for cells drawn with `▀` (fg on top) or
    /// `▄` (fg below); nil for any other glyph.
    static func halves(of cell: TerminalCell) -> (upper: RGBColor, lower: RGBColor)? {
        switch cell.character {
        case "\u{2580}": return (cell.foreground, cell.background)
        case "\u{2584}": return (cell.background, cell.foreground)
        default: return nil
        }
    }

    static func halfIndices(of cell: TerminalCell) -> (upper: UInt8?, lower: UInt8?)? {
        switch cell.character {
        case "\u{2580}": return (cell.foregroundIndex, cell.backgroundIndex)
        case "\u{2584}": return (cell.backgroundIndex, cell.foregroundIndex)
        default: return nil
        }
    }
}
