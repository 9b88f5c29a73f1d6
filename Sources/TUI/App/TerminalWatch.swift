#if canImport(Glibc)
import Glibc
#endif

/// Notices that the terminal has gone (issue 17, item 7: with the tmux server killed, the
/// workbench spun at 80 % CPU for 18 minutes). The workbench then exits as if it got SIGHUP.
///
/// Gone means: poll(2) reports POLLHUP, POLLERR or POLLNVAL on standard input (Linux does for
/// a hung-up tty, whose reads then return end of file); or it keeps reporting input that yields
/// no event and `tcgetattr(3)` on standard input then fails (EIO on a hung-up tty). A few empty wake-ups are
/// normal (half an escape sequence), so it takes `emptyWakeupLimit` in a row.
struct TerminalWatch {
    static let emptyWakeupLimit = 50
    private var emptyWakeups = 0

    mutating func isGone(poll revents: Int16, eventsRead: Int) -> Bool {
        if revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return true }
        guard revents & Int16(POLLIN) != 0, eventsRead == 0 else {
            emptyWakeups = 0
            return false
        }
        emptyWakeups += 1
        guard emptyWakeups >= Self.emptyWakeupLimit else { return false }
        emptyWakeups = 0
        var attributes = termios()
        return tcgetattr(STDIN_FILENO, &attributes) != 0
    }
}
