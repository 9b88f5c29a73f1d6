import Foundation

/// A colour as a theme file writes it: the terminal's default, one of the 256 palette entries, or
/// 24-bit RGB (`"#rrggbb"`). Basic names (`"red"`, `"brightblue"`) are palette entries 0–15.
public enum ThemeColor: Equatable, Hashable, Sendable {
    case terminalDefault
    case palette(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses `"default"`, `"#1e1e2e"`, `"red"`, `"brightred"` or a palette index 0…255.
    public init(parsing text: String) throws {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t == "default" || t.isEmpty {
            self = .terminalDefault
        } else if t.hasPrefix("#"), t.count == 7, let v = UInt32(t.dropFirst(), radix: 16) {
            self = .rgb(UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF))
        } else if let i = ThemeColor.names.firstIndex(of: t) {
            self = .palette(UInt8(i))
        } else if t.hasPrefix("bright"), let i = ThemeColor.names.firstIndex(of: String(t.dropFirst(6))) {
            self = .palette(UInt8(i + 8))
        } else if let n = Int(t), (0...255).contains(n) {
            self = .palette(UInt8(n))
        } else {
            throw ThemeError.badColor(text)
        }
    }

    /// The nearest entry of the xterm 256-colour palette (6×6×6 cube plus the grey ramp), by
    /// squared RGB distance. Palette levels are xterm's `256colres.pl`: 0, 95, 135, 175, 215, 255;
    /// greys 8 + 10·i.
    public var palette256: Int {
        switch self {
        case .terminalDefault: return -1
        case .palette(let i): return Int(i)
        case .rgb(let r, let g, let b): return ThemeColor.nearest256(Int(r), Int(g), Int(b))
        }
    }

    /// The nearest of the 8 basic colours, for terminals with only 8 or 16. A channel counts as
    /// "on" above two thirds of the brightest one (so #87d787 is green, #ffd75f yellow);
    /// greys become white as text and black as background unless very light, so dim greys
    /// stay visible on 8-colour terminals.
    public func palette8(background: Bool) -> Int {
        switch self {
        case .terminalDefault: return -1
        case .palette(let i) where i < 16: return Int(i) % 8
        default:
            let (r, g, b) = rgbValue
            let high = max(r, g, b)
            if isGrey {
                return background ? (high > 200 ? 7 : 0) : (high < 24 ? 0 : 7)
            }
            let threshold = high * 2 / 3
            return (r > threshold ? 1 : 0) | (g > threshold ? 2 : 0) | (b > threshold ? 4 : 0)
        }
    }

    /// The nearest basic colour for text drawn on `background`. On the terminal's own background
    /// (unknown) this is `palette8(background: false)`. On a background the theme paints, grey
    /// text and text that would come out in the background's own colour take black or white,
    /// whichever shows on that background (a light theme's grey labels would otherwise turn
    /// white on white).
    public func palette8(on background: ThemeColor) -> Int {
        let text = palette8(background: false)
        guard background != .terminalDefault else { return text }
        let ground = background.palette8(background: true)
        guard isGrey || text == ground else { return text }
        return Self.lightBasicColours.contains(ground) ? 0 : 7
    }

    /// Basic colours that black text reads on: green, yellow, cyan, white.
    static let lightBasicColours: Set<Int> = [2, 3, 6, 7]

    /// An RGB colour whose channels differ by less than 40 (the greys of `palette8`).
    var isGrey: Bool {
        guard case .rgb = self else { return false }
        let (r, g, b) = rgbValue
        return max(r, g, b) - min(r, g, b) < 40
    }

    /// The colour as RGB (palette entries through the xterm palette).
    public var rgbValue: (Int, Int, Int) {
        switch self {
        case .terminalDefault: return (0, 0, 0)
        case .rgb(let r, let g, let b): return (Int(r), Int(g), Int(b))
        case .palette(let i): return ThemeColor.xtermRGB(Int(i))
        }
    }

    static let cubeLevels = [0, 95, 135, 175, 215, 255]
    /// xterm's 16 system colours (its default `XTerm*color0…15` resources).
    static let systemColours: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
        (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
        (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    static func xtermRGB(_ i: Int) -> (Int, Int, Int) {
        if i < 16 { return systemColours[i] }
        if i < 232 {
            let c = i - 16
            return (cubeLevels[c / 36], cubeLevels[(c / 6) % 6], cubeLevels[c % 6])
        }
        let grey = 8 + 10 * (i - 232)
        return (grey, grey, grey)
    }

    static func nearest256(_ r: Int, _ g: Int, _ b: Int) -> Int {
        func distance(_ i: Int) -> Int {
            let (pr, pg, pb) = xtermRGB(i)
            return (pr - r) * (pr - r) + (pg - g) * (pg - g) + (pb - b) * (pb - b)
        }
        // Candidates: the closest cube entry and the closest grey (the system 16 vary by terminal).
        func level(_ v: Int) -> Int { cubeLevels.indices.min { abs(cubeLevels[$0] - v) < abs(cubeLevels[$1] - v) }! }
        let cube = 16 + 36 * level(r) + 6 * level(g) + level(b)
        let average = (r + g + b) / 3
        let grey = 232 + min(23, max(0, (average - 3) / 10))
        return distance(cube) <= distance(grey) ? cube : grey
    }
}
