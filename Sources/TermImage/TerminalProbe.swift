#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks the controlling terminal what it is: writes XTVERSION (`CSI > 0 q`), cell-size
/// (`CSI 16 t`) and DA1 (`CSI c`) queries to `/dev/tty` and reads the replies in raw mode.
///
/// DA1 goes last because every terminal since the VT100 answers it, and replies come back in
/// order, so its reply marks the end; a terminal that ignores the other two costs nothing extra.
/// Call this before curses takes over the terminal. The terminal mode is always restored.
public enum TerminalProbe {
    /// The bytes written to the terminal.
    public static let queries = "\u{1B}[>0q\u{1B}[16t\u{1B}[c"

    /// The parsed replies, or nil when there is no terminal at `devicePath`, the process is in the
    /// background of it (changing its mode would stop the process with SIGTTOU), or nothing
    /// answered within `timeoutMilliseconds`.
    public static func query(timeoutMilliseconds: Int = 150, devicePath: String = "/dev/tty") -> TerminalReplies? {
        let descriptor = open(devicePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard isatty(descriptor) == 1 else { return nil }
        let foreground = tcgetpgrp(descriptor)   // -1 when it is not our controlling terminal
        guard foreground == -1 || foreground == getpgrp() else { return nil }

        var saved = termios()
        guard tcgetattr(descriptor, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { controlChars in
            controlChars[Int(VMIN)] = 0
            controlChars[Int(VTIME)] = 0
        }
        guard tcsetattr(descriptor, TCSANOW, &raw) == 0 else { return nil }
        defer { _ = tcsetattr(descriptor, TCSANOW, &saved) }

        let request = Array(queries.utf8)
        guard request.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) == request.count else { return nil }
        let received = readReplies(descriptor, timeoutMilliseconds: timeoutMilliseconds)
        guard !received.isEmpty else { return nil }
        let replies = TerminalReplies(parsing: received)
        return replies.deviceAttributes == nil && replies.version == nil && replies.cellPixelSize == nil ? nil : replies
    }

    /// The size of one character cell in pixels from the kernel's window size (`TIOCGWINSZ`
    /// `ws_xpixel / ws_col`, `ws_ypixel / ws_row`), which xterm, foot and others fill in; nil when
    /// there is no terminal or it reports no pixel size. Needs no reply from the terminal, so it
    /// also works where `CSI 16 t` is disabled (xterm's default `disallowedWindowOps`).
    public static func cellPixelSizeFromWindowSize(devicePath: String = "/dev/tty") -> PixelSize? {
        let descriptor = open(devicePath, O_RDONLY | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0,
              size.ws_xpixel > 0, size.ws_ypixel > 0 else { return nil }
        return PixelSize(width: Int(size.ws_xpixel) / Int(size.ws_col), height: Int(size.ws_ypixel) / Int(size.ws_row))
    }

    /// Reads until a DA1 reply has arrived or the time is up.
    private static func readReplies(_ descriptor: Int32, timeoutMilliseconds: Int) -> [UInt8] {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        let deadline = monotonicMilliseconds() + timeoutMilliseconds
        while received.count < 4096 {
            let remaining = deadline - monotonicMilliseconds()
            guard remaining > 0 else { break }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(remaining))
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { break }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            received += buffer[0..<count]
            if TerminalReplies(parsing: received).deviceAttributes != nil { break }
        }
        return received
    }

    private static func monotonicMilliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
    }
}
