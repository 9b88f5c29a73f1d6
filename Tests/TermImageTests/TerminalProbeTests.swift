#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TermImage
import XCTest

/// The probe against a pseudo-terminal whose other end plays the terminal.
final class TerminalProbeTests: XCTestCase {
    private var master: Int32 = -1
    private var slavePath = ""

    /// Linux's `TIOCSPTLCK` / `TIOCGPTN` (`_IOW('T', 0x31, int)`, `_IOR('T', 0x30, unsigned int)`
    /// on x86-64 and arm64); the libc wrappers `unlockpt`/`ptsname` are hidden without
    /// `_XOPEN_SOURCE`, which SwiftPM does not let a package define.
    private let setPseudoTerminalLock: UInt = 0x4004_5431
    private let getPseudoTerminalNumber: UInt = 0x8004_5430

    override func setUpWithError() throws {
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        try XCTSkipIf(master < 0, "no pseudo-terminals here")
        var unlock: Int32 = 0
        var number: UInt32 = 0
        try XCTSkipIf(ioctl(master, setPseudoTerminalLock, &unlock) != 0
                      || ioctl(master, getPseudoTerminalNumber, &number) != 0, "cannot open a pseudo-terminal")
        slavePath = "/dev/pts/\(number)"
    }

    override func tearDown() { if master >= 0 { close(master) } }

    /// Reads what the probe wrote until `count` bytes arrived (or 2 s passed).
    private func readQueries(count: Int) -> [UInt8] {
        var received: [UInt8] = []
        let deadline = Date().addingTimeInterval(2)
        var buffer = [UInt8](repeating: 0, count: 64)
        while received.count < count && Date() < deadline {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if n > 0 { received += buffer[0..<n] }
        }
        return received
    }

    private func terminalMode() -> termios {
        let descriptor = open(slavePath, O_RDWR | O_NOCTTY)
        defer { close(descriptor) }
        var mode = termios()
        tcgetattr(descriptor, &mode)
        return mode
    }

    func testRepliesAreReadAndTheModeIsRestored() throws {
        let before = terminalMode()
        let queries = QueryLog()
        let answered = expectation(description: "terminal answered")
        Thread.detachNewThread { [self] in
            queries.bytes = readQueries(count: TerminalProbe.queries.utf8.count)
            // Answer the way xterm 379 (as a VT340) answered in term-shot: XTVERSION, then DA1
            // (it ignores CSI 16 t under its default disallowedWindowOps).
            let reply = Array("\u{1B}P>|XTerm(379)\u{1B}\\\u{1B}[?63;1;2;4;6;9;15;16;22;28c".utf8)
            _ = reply.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            answered.fulfill()
        }
        let result = TerminalProbe.query(timeoutMilliseconds: 3000, devicePath: slavePath)
        wait(for: [answered], timeout: 5)
        XCTAssertEqual(queries.bytes, Array(TerminalProbe.queries.utf8))
        XCTAssertEqual(result, TerminalReplies(deviceAttributes: [63, 1, 2, 4, 6, 9, 15, 16, 22, 28], version: "XTerm(379)"))
        XCTAssertEqual(terminalMode().c_lflag, before.c_lflag, "ICANON/ECHO restored")
    }

    func testSilentTerminalTimesOut() {
        let start = Date()
        XCTAssertNil(TerminalProbe.query(timeoutMilliseconds: 150, devicePath: slavePath))
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertGreaterThanOrEqual(elapsed, 0.14)
        XCTAssertLessThan(elapsed, 1.0)
    }

    func testNoTerminal() {
        XCTAssertNil(TerminalProbe.query(devicePath: "/nonexistent/tty"))
        XCTAssertNil(TerminalProbe.query(devicePath: "/dev/null"), "not a terminal")
        XCTAssertNil(TerminalProbe.cellPixelSizeFromWindowSize(devicePath: "/dev/null"))
    }

    /// The kernel window size carries pixel sizes when the terminal sets them (xterm reported
    /// 720×494 px for 80×26 cells in term-shot, i.e. 9×19 px cells).
    func testCellSizeFromWindowSize() throws {
        var size = winsize(ws_row: 26, ws_col: 80, ws_xpixel: 720, ws_ypixel: 494)
        XCTAssertEqual(ioctl(master, UInt(TIOCSWINSZ), &size), 0)
        XCTAssertEqual(TerminalProbe.cellPixelSizeFromWindowSize(devicePath: slavePath), PixelSize(width: 9, height: 19))
        size = winsize(ws_row: 26, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        XCTAssertEqual(ioctl(master, UInt(TIOCSWINSZ), &size), 0)
        XCTAssertNil(TerminalProbe.cellPixelSizeFromWindowSize(devicePath: slavePath))
    }
}

/// What the fake terminal received (written on its thread, read after it finished).
private final class QueryLog: @unchecked Sendable {
    var bytes: [UInt8] = []
}
