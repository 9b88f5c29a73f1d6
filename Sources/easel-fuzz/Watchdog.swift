import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Guards a fuzz run: an input that runs longer than `timeLimit`, a process whose resident
/// memory passes `memoryLimit`, or a crash (a trap or a fault) saves the input and ends the
/// run with status 1. The input being run is kept in a buffer the signal handler can write
/// with `write(2)` (async-signal-safe).
enum Watchdog {
    nonisolated(unsafe) static var timeLimit: Double = 1
    nonisolated(unsafe) static var memoryLimit = 1 << 30
    nonisolated(unsafe) private static var inputStart: UInt64 = 0
    nonisolated(unsafe) private static var current: UnsafeMutableBufferPointer<UInt8> = .allocate(capacity: 1 << 20)
    nonisolated(unsafe) private static var currentCount = 0
    nonisolated(unsafe) private static var crashFile: Int32 = -1
    nonisolated(unsafe) static var failurePath = ""
    nonisolated(unsafe) private static var watching = false

    /// Starts the watching thread and the crash handlers; failing inputs go to `path`.
    static func start(failurePath path: String) {
        failurePath = path
        crashFile = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            signal(sig) { sig in
                Watchdog.saveCurrent()
                let message = "easel-fuzz: crash (signal); input saved\n"
                _ = message.withCString { write(2, $0, strlen($0)) }
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
        guard !watching else { return }
        watching = true
        let thread = Thread {
            while true {
                usleep(50_000)
                let start = inputStart
                if start != 0, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 > timeLimit {
                    fail("hang: one input ran over \(timeLimit) s")
                }
                if residentBytes() > memoryLimit { fail("memory: resident size over \(memoryLimit >> 20) MiB") }
            }
        }
        thread.start()
    }

    /// Marks the start of one input.
    static func begin(_ bytes: [UInt8]) {
        currentCount = min(bytes.count, current.count)
        bytes.withUnsafeBufferPointer { source in
            _ = UnsafeMutableBufferPointer(rebasing: current[0..<currentCount]).initialize(from: source.prefix(currentCount))
        }
        inputStart = DispatchTime.now().uptimeNanoseconds
    }

    static func end() { inputStart = 0 }

    /// Removes the failure file when nothing failed.
    static func finish() {
        close(crashFile)
        unlink(failurePath)
    }

    private static func saveCurrent() {
        guard crashFile >= 0 else { return }
        _ = ftruncate(crashFile, 0)
        _ = lseek(crashFile, 0, SEEK_SET)
        _ = write(crashFile, current.baseAddress, currentCount)
    }

    private static func fail(_ reason: String) -> Never {
        saveCurrent()
        FileHandle.standardError.write(Data("easel-fuzz: \(reason); input saved to \(failurePath)\n".utf8))
        _exit(1)
    }

    /// Resident set size from /proc/self/statm (its second field, in pages).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }
}
