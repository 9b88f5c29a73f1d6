import Foundation

/// Resident memory of this process from /proc/self/status (Linux).
enum ProcessMemory {
    /// Peak resident set size (VmHWM) in bytes, or nil where unavailable.
    static var peakResident: Int? { field("VmHWM") }

    /// Current resident set size (VmRSS) in bytes.
    static var resident: Int? { field("VmRSS") }

    private static func field(_ name: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            // "VmHWM:\t  123456 kB"; from 10 GB on the number fills its field ("VmHWM:\t12345678 kB").
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if parts.count >= 2, let kib = Int(parts[1]) { return kib * 1024 }
        }
        return nil
    }

    /// User + system CPU seconds of this process so far (all threads).
    static var cpuSeconds: Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let seconds = { (t: timeval) in Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The 1-, 5- and 15-minute load averages (/proc/loadavg).
    static var loadAverage: String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    static func gib(_ bytes: Int?) -> String {
        bytes.map { String(format: "%.2f GiB", Double($0) / Double(1 << 30)) } ?? "n/a"
    }
}
