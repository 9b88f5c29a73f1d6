import CBLAS
import Foundation

/// OpenBLAS 0.3.21 (Debian 12) does not recognise AMD Zen 4/5 and falls back to its AVX2
/// "Haswell" kernels, which run SGEMM at half the speed of its AVX-512 "SkylakeX" kernels on
/// the same core (measured 130 vs 245 GFLOPS single-threaded on this machine). OpenBLAS picks
/// its kernels when the library loads, from `OPENBLAS_CORETYPE`, so the only way to choose
/// them is to set that variable and start the process again.
public enum BLASKernelSelection {
    /// When the CPU has the AVX-512 subsets SkylakeX kernels need, OpenBLAS chose a slower
    /// family and `OPENBLAS_CORETYPE` is unset, sets it to `SkylakeX` and re-executes the
    /// current program with the same arguments. Returns only when no relaunch happened.
    public static func relaunchWithAVX512KernelsIfNeeded() {
        let env = ProcessInfo.processInfo.environment
        guard env["OPENBLAS_CORETYPE"] == nil, cpuHasAVX512ForSGEMM() else { return }
        let core = String(cString: openblas_get_corename()).lowercased()
        guard !["skylakex", "cooperlake", "sapphirerapids"].contains(core) else { return }
        setenv("OPENBLAS_CORETYPE", "SkylakeX", 1)
        let args = CommandLine.arguments
        var cArgs: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) }
        cArgs.append(nil)
        execv("/proc/self/exe", cArgs)
        // execv only returns on failure: carry on with the kernels already loaded.
        for arg in cArgs { free(arg) }
    }

    /// True when /proc/cpuinfo lists avx512f, avx512bw, avx512dq and avx512vl.
    static func cpuHasAVX512ForSGEMM() -> Bool {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let flagsLine = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
        else { return false }
        let flags = Set(flagsLine.split(separator: " ").map(String.init))
        return ["avx512f", "avx512bw", "avx512dq", "avx512vl"].allSatisfy(flags.contains)
    }
}
