import CNCursesW
import Foundation
import TUICore
#if canImport(Glibc)
import Glibc
#endif

/// Errors starting the terminal UI.
public enum ScreenError: Error, CustomStringConvertible {
    case notATerminal
    case cursesFailed(term: String)

    public var description: String {
        switch self {
        case .notATerminal: return "easel's workbench needs a terminal (standard input and output are not a TTY)"
        case .cursesFailed(let term): return "cannot start curses for TERM=\(term) (is the terminfo entry installed?)"
        }
    }
}

/// The curses screen: set-up, teardown (always), size, colours and input.
///
/// Set-up: `setlocale(LC_ALL, "")` first so ncursesw handles UTF-8, then `newterm` on the TTY,
/// raw mode (Ctrl-C, Ctrl-Q, Ctrl-S, Ctrl-Z arrive as keys), no echo, keypad keys, no newline
/// translation, invisible cursor unless a field is edited, a 25 ms escape delay, colours with the
/// terminal's default background, and bracketed paste (`CSI ? 2004 h`).
final class CursesScreen {
    private(set) var isOpen = false
    private var screen: OpaquePointer?
    let colourCount: Int
    let hasColour: Bool
    let keyReader: CursesKeyReader

    init() throws {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else { throw ScreenError.notATerminal }
        setlocale(LC_ALL, "")
        let term = ProcessInfo.processInfo.environment["TERM"] ?? "dumb"
        guard let screen = newterm(nil, stdout, stdin) else { throw ScreenError.cursesFailed(term: term) }
        self.screen = screen
        set_term(screen)
        isOpen = true
        raw()
        noecho()
        nonl()
        keypad(stdscr, true)
        meta(stdscr, true)
        set_escdelay(25)
        curs_set(0)
        hasColour = has_colors()
        if hasColour {
            start_color()
            use_default_colors()
        }
        colourCount = hasColour ? Int(COLORS) : 0
        keyReader = CursesKeyReader()
        writeRaw("\u{1B}[?2004h")
    }

    var columns: Int { Int(getmaxx(stdscr)) }
    var rows: Int { Int(getmaxy(stdscr)) }

    /// Leaves curses and restores the terminal; safe to call more than once.
    func close() {
        guard isOpen else { return }
        isOpen = false
        writeRaw("\u{1B}[?2004l")
        curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        TerminalGuard.restoreTermios()
    }

    /// Bytes straight to the terminal, past curses (sixel images, OSC 52, mode switches).
    func writeRaw(_ text: String) { writeRaw(Array(text.utf8)) }

    func writeRaw(_ bytes: [UInt8]) {
        fflush(stdout)
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 {
                    if n < 0 && errno == EINTR { continue }
                    break
                }
                offset += n
            }
        }
    }

    /// Shows the hardware cursor at a cell (while a field is edited) or hides it.
    func placeCursor(_ position: (x: Int, y: Int)?) {
        if let position {
            move(Int32(position.y), Int32(position.x))
            curs_set(1)
        } else {
            curs_set(0)
        }
    }

    /// All input events waiting now (never blocks).
    func pendingEvents() -> [InputEvent] {
        keyReader.drain()
    }
}
