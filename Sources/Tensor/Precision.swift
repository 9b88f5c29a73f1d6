import CKernels
import Foundation

/// Numeric precision of the engine's matrix products (linear layers and convolutions).
///
/// - `fp32`: OpenBLAS SGEMM and fp32 everywhere (the precise mode; matches PyTorch fp32).
/// - `bf16`: weights stored as bfloat16, activations rounded to bfloat16 on their way into each
///   product, products summed in fp32 (AVX-512 BF16 `vdpbf16ps`); everything between the
///   products (norms, softmax, activations, residuals) stays fp32. Like PyTorch's CPU
///   `autocast(dtype=torch.bfloat16)`, but with fp32 results between layers.
/// - `fp32HalfWeights`: what the fast mode becomes on CPUs without AVX512_BF16. Layer weights
///   that the file stores in fp16 or bf16 stay in that form (borrowed from the memory-mapped
///   file, `HalfWeights`) and are widened to fp32 into one shared buffer just before each
///   product; the products are the fp32 mode's, on the same values, so images equal the
///   precise mode's while the weights take half the memory (fp32 files stay fp32).
public enum Precision: String, Sendable, CaseIterable {
    case fp32
    case bf16
    case fp32HalfWeights = "fp32-half"

    /// True when this CPU runs the bf16 kernels (AVX-512 F/BW/VL and AVX512_BF16, with OS
    /// support for the ZMM state), checked once with CPUID at run time.
    public static let bf16Supported: Bool = easel_cpu_has_avx512_bf16() != 0

    /// The precision used when a caller does not choose one: `EASEL_PRECISION` (fp32 or bf16)
    /// when set, else `defaultPrecision`; bf16 falls back to fp32 on CPUs without the
    /// instructions. A value naming no precision counts as unset here; callers that can report
    /// it use `fromEnvironment` directly.
    public static var preferred: Precision { resolve(try? fromEnvironment()) }

    /// The environment variable that chooses the precision.
    public static let environmentVariable = "EASEL_PRECISION"

    /// The precision `EASEL_PRECISION` names, nil when it is unset or empty; any other value is
    /// a one-line `PrecisionError`. The one place the variable is read.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> Precision? {
        guard let text = environment[environmentVariable], !text.isEmpty else { return nil }
        guard let precision = Precision(rawValue: text) else {
            throw PrecisionError.unknown(source: environmentVariable, value: text)
        }
        return precision
    }

    /// The default when neither the caller nor `EASEL_PRECISION` chooses: bf16, whose images
    /// differ from fp32 ones by at most 0.83 levels in the mean (6 at most) over the five
    /// fixture runs (`tools/bench/quality.py`, BENCHMARKS.md), under issue 6's 4-level bar.
    public static let defaultPrecision: Precision = .bf16

    /// `requested` (or the default) made runnable on this CPU: bf16 becomes fp32 products on
    /// half-stored weights (`fp32HalfWeights`) without AVX512_BF16.
    public static func resolve(_ requested: Precision?) -> Precision {
        let wanted = requested ?? defaultPrecision
        return wanted == .bf16 && !bf16Supported ? .fp32HalfWeights : wanted
    }

    /// True when products run in fp32 (`fp32` and `fp32HalfWeights`).
    public var multipliesInFP32: Bool { self != .bf16 }
}
