import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeps the UI responsive while the engine uses every core: the process's other threads (the
/// engine's queue, Dispatch workers, OpenBLAS's pool) get a lower scheduling priority (nice
/// +10) than the UI thread. Linux keeps nice values per thread, and any process may lower its
/// own threads' priority. Threads are found in `/proc/self/task`; new ones are picked up on
/// each call, so calling it whenever a render starts or reports covers threads created late.
final class WorkerThreadPriority {
    static let niceness: Int32 = 10
    private let uiThread: Int32
    private var lowered = Set<Int32>()

    /// Call on the UI thread. Its id comes from `/proc/thread-self` ("PID/task/TID").
    init() {
        let link = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self")) ?? ""
        uiThread = Int32(link.split(separator: "/").last ?? "") ?? -1
        lowered.insert(uiThread)
    }

    func lowerWorkers() {
        guard uiThread > 0, let tasks = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task") else { return }
        for name in tasks {
            guard let tid = Int32(name), !lowered.contains(tid) else { continue }
            lowered.insert(tid)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(tid), WorkerThreadPriority.niceness)
        }
    }
}
