import CNCursesW

/// ncurses attribute bits. The C macros (`A_BOLD` = `NCURSES_BITS(1, 13)`, …) are built from
/// shifts Swift cannot import; the values are those of `<ncursesw/curses.h>` with
/// `NCURSES_ATTR_SHIFT` 8.
enum CursesAttributes {
    static let underline = attr_t(1) << 17
    static let reverse = attr_t(1) << 18
    static let dim = attr_t(1) << 20
    static let bold = attr_t(1) << 21
    static let italic = attr_t(1) << 31
}
