import CNCursesW
import TUICore

/// Maps theme roles (and image cell colours) to curses attributes and colour pairs.
///
/// Colours go to the terminal at the best depth it has: 24-bit values when terminfo reports
/// direct colour (`COLORS` ≥ 2²⁴, e.g. `TERM=xterm-direct`), the nearest xterm-256 entry on
/// 256-colour terminals, the nearest basic colour on 8/16-colour ones, and none at all without
/// colour support. Pairs come from ncurses' `alloc_pair`, which reuses pairs for the same
/// colours and recycles the least recently used ones when the table is full.
final class CursesPalette {
    enum Depth { case none, basic, palette256, direct }

    let depth: Depth
    private var theme: Theme
    private var roleCache: [String: (attr_t, Int32)] = [:]

    init(theme: Theme, colourCount: Int) {
        self.theme = theme
        if colourCount >= 0x1000000 { depth = .direct }
        else if colourCount >= 256 { depth = .palette256 }
        else if colourCount >= 8 { depth = .basic }
        else { depth = .none }
    }

    func setTheme(_ theme: Theme) {
        self.theme = theme
        roleCache = [:]
    }

    /// The attributes and colour pair for a role. A role without its own background takes the
    /// ground's (the status bar, an overlay) or else the `text` role's, so a theme that gives
    /// `text` a background paints the whole screen.
    func attributes(for role: ThemeRole, ground: ThemeRole? = nil) -> (attr_t, Int32) {
        let key = ground.map { "\(role.rawValue)/\($0.rawValue)" } ?? role.rawValue
        if let cached = roleCache[key] { return cached }
        var style = theme.style(for: role)
        if style.background == .terminalDefault {
            // The ground's background, else the text role's (a theme may paint the whole screen).
            let groundBackground = ground.map { theme.style(for: $0).background } ?? .terminalDefault
            style.background = groundBackground != .terminalDefault ? groundBackground : theme.style(for: .text).background
        }
        var attrs: attr_t = 0
        if style.bold { attrs |= CursesAttributes.bold }
        if style.dim { attrs |= CursesAttributes.dim }
        if style.italic { attrs |= CursesAttributes.italic }
        if style.underline { attrs |= CursesAttributes.underline }
        if style.reverse { attrs |= CursesAttributes.reverse }
        let foreground = depth == .basic ? style.foreground.palette8(on: style.background) : colourNumber(style.foreground)
        let pair = self.pair(foreground: foreground, background: colourNumber(style.background, background: true))
        roleCache[key] = (attrs, pair)
        return (attrs, pair)
    }

    /// A pair for two terminal colour numbers (-1 = default); 0 when colours are off.
    func pair(foreground: Int, background: Int) -> Int32 {
        guard depth != .none, foreground >= 0 || background >= 0 else { return 0 }
        let pair = alloc_pair(Int32(foreground), Int32(background))
        return pair < 0 ? 0 : pair
    }

    /// The terminal's colour number for a theme colour at this depth (-1 = default).
    func colourNumber(_ colour: ThemeColor, background: Bool = false) -> Int {
        switch depth {
        case .none: return -1
        case .basic: return colour.palette8(background: background)
        case .palette256: return colour.palette256
        case .direct:
            switch colour {
            case .terminalDefault: return -1
            // ncurses' direct-colour terminfo keeps 0…7 as the ANSI colours.
            case .palette(let i) where i < 8: return Int(i)
            default:
                let (r, g, b) = colour.rgbValue
                return max(8, (r << 16) | (g << 8) | b)
            }
        }
    }

    /// The terminal's colour number for an RGB image cell.
    func colourNumber(red: UInt8, green: UInt8, blue: UInt8) -> Int {
        colourNumber(.rgb(red, green, blue))
    }
}
