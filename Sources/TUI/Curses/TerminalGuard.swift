import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The terminal state saved before curses starts, and the signal handlers that make sure it is
/// restored however Easel ends.
///
/// - SIGTERM, SIGHUP, SIGINT, SIGQUIT ask the event loop to quit (a byte on a self-pipe wakes it);
///   it then closes curses normally and exits with 128 + signal.
/// - SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE (a crash): the handler puts the saved
///   termios back, leaves the alternate screen and shows the cursor with `write(2)` and
///   `tcsetattr(3)` (both async-signal-safe), then re-raises the signal with its default action.
enum TerminalGuard {
    nonisolated(unsafe) private static var savedTermios = termios()
    nonisolated(unsafe) private static var haveSavedTermios = false
    nonisolated(unsafe) private static var wakeWriteFD: Int32 = -1
    /// The last quit signal received, 0 when none.
    nonisolated(unsafe) static var quitSignal: Int32 = 0

    /// Escape sequences that undo what the workbench turns on: attributes, hidden cursor, bracketed
    /// paste, the alternate screen.
    static let resetSequence = "\u{1B}[0m\u{1B}[?25h\u{1B}[?2004l\u{1B}[?1049l\r\n"
    nonisolated(unsafe) private static var resetBytes: [UInt8] = Array(resetSequence.utf8)

    /// Saves the terminal state and installs the handlers. `wakeFD` is the write end of the event
    /// loop's self-pipe.
    static func install(wakeFD: Int32) {
        if tcgetattr(STDIN_FILENO, &savedTermios) == 0 { haveSavedTermios = true }
        wakeWriteFD = wakeFD
        quitSignal = 0
        for sig in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
            signal(sig) { sig in
                TerminalGuard.quitSignal = sig
                var byte: UInt8 = 1
                _ = write(TerminalGuard.wakeWriteFD, &byte, 1)
            }
        }
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            signal(sig) { sig in
                TerminalGuard.restoreFromSignal()
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }

    /// Puts back default signal handling (after curses is closed).
    static func uninstall() {
        for sig in [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            signal(sig, SIG_DFL)
        }
        wakeWriteFD = -1
    }

    /// Async-signal-safe restore: termios back, reset sequence out.
    static func restoreFromSignal() {
        if haveSavedTermios { tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTermios) }
        resetBytes.withUnsafeBufferPointer { buffer in
            _ = write(STDOUT_FILENO, buffer.baseAddress, buffer.count)
        }
    }

    /// Restores the saved termios (used after `endwin` as a belt-and-braces step).
    static func restoreTermios() {
        if haveSavedTermios { tcsetattr(STDIN_FILENO, TCSANOW, &savedTermios) }
    }
}
