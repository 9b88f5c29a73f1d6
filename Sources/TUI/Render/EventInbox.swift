import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Hands events from worker threads to the UI thread: a locked queue plus a self-pipe whose read
/// end the event loop polls together with the terminal, so an event wakes it at once.
final class EventInbox<Event>: @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [Event] = []
    let readFD: Int32
    let writeFD: Int32

    init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw CocoaError(.fileWriteUnknown) }
        readFD = fds[0]
        writeFD = fds[1]
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }

    deinit {
        close(readFD)
        close(writeFD)
    }

    func post(_ event: Event) {
        lock.lock()
        queue.append(event)
        lock.unlock()
        wake()
    }

    func wake() {
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }

    /// Everything queued, oldest first; empties the pipe too.
    func drain() -> [Event] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(readFD, &buffer, buffer.count) > 0 {}
        lock.lock()
        defer { lock.unlock() }
        let events = queue
        queue.removeAll()
        return events
    }
}
