import CNCursesW
import UntrustedText
import TUICore

/// Drawing primitives over `stdscr`, in theme roles. Text is clipped to the cells given and drawn
/// grapheme by grapheme with the same widths `CellWidth` computes.
struct CursesCanvas {
    let palette: CursesPalette
    /// The surface being drawn on (an overlay, the status bar): roles without a background of
    /// their own take its background.
    var ground: ThemeRole?
    var columns: Int { Int(getmaxx(stdscr)) }
    var rows: Int { Int(getmaxy(stdscr)) }

    /// The same canvas drawing on `ground`.
    func on(_ ground: ThemeRole) -> CursesCanvas {
        var copy = self
        copy.ground = ground
        return copy
    }

    func setRole(_ role: ThemeRole) {
        let (attrs, pair) = palette.attributes(for: role, ground: ground)
        setAttributes(attrs, pair: pair)
    }

    func setAttributes(_ attrs: attr_t, pair: Int32) {
        var extendedPair = pair
        wattr_set(stdscr, attrs, Int16(truncatingIfNeeded: min(pair, Int32(Int16.max))), &extendedPair)
    }

    /// Writes text at (x, y) in a role, at most `width` cells (default: to the right edge).
    /// Returns the number of cells written.
    @discardableResult
    func text(_ string: String, x: Int, y: Int, role: ThemeRole, width: Int? = nil) -> Int {
        guard y >= 0, y < rows, x < columns else { return 0 }
        let limit = min(width ?? (columns - x), columns - x)
        guard limit > 0 else { return 0 }
        setRole(role)
        return put(string, x: x, y: y, limit: limit)
    }

    /// Writes with whatever attributes are set.
    func put(_ string: String, x: Int, y: Int, limit: Int) -> Int {
        var used = 0
        var scalars: [wchar_t] = []
        scalars.reserveCapacity(string.unicodeScalars.count + 1)
        for character in string {
            var w = CellWidth.of(character)
            var cluster = Array(character.unicodeScalars)
            if w == 0 || cluster.contains(where: TerminalText.isUnsafe) {
                // A lone combining mark, a control character or a bidi override (the rule shared
                // with the CLI, `TerminalText`): a replacement glyph instead.
                cluster = ["\u{FFFD}"]
                w = 1
            }
            if used + w > limit { break }
            used += w
            for s in cluster { scalars.append(wchar_t(bitPattern: s.value)) }
        }
        guard !scalars.isEmpty else { return 0 }
        mvaddnwstr(Int32(y), Int32(x), scalars, Int32(scalars.count))
        return used
    }

    /// Fills a rectangle with spaces in a role.
    func fill(_ rect: Rect, role: ThemeRole) {
        setRole(role)
        let blank = String(repeating: " ", count: max(0, min(rect.width, columns - rect.x)))
        for y in rect.y..<min(rect.maxY, rows) where y >= 0 {
            _ = put(blank, x: rect.x, y: y, limit: blank.count)
        }
    }

    /// A rounded box with a title in its top edge.
    func box(_ rect: Rect, title: String, focused: Bool) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let borderRole: ThemeRole = focused ? .borderFocused : .border
        let horizontal = String(repeating: "─", count: rect.width - 2)
        text("╭" + horizontal + "╮", x: rect.x, y: rect.y, role: borderRole)
        for y in rect.y + 1..<rect.maxY - 1 {
            text("│", x: rect.x, y: y, role: borderRole)
            text("│", x: rect.maxX - 1, y: y, role: borderRole)
        }
        text("╰" + horizontal + "╯", x: rect.x, y: rect.maxY - 1, role: borderRole)
        if !title.isEmpty && rect.width > 6 {
            text(" " + CellWidth.fit(title, cells: rect.width - 6) + " ", x: rect.x + 2, y: rect.y,
                 role: focused ? .titleFocused : .title)
        }
    }

    /// Erases the whole screen in the text role (the background character carries the role's
    /// colours, so erased cells take them too).
    func clear() {
        let (attrs, pair) = palette.attributes(for: .text, ground: nil)
        var blank = cchar_t()
        var extendedPair = pair
        var space: [wchar_t] = [0x20, 0]
        setcchar(&blank, &space, attrs, Int16(truncatingIfNeeded: min(pair, Int32(Int16.max))), &extendedPair)
        wbkgrndset(stdscr, &blank)
        setRole(.text)
        erase()
    }
}
