/// A tensor's element type as spelled in the safetensors header
/// (huggingface/safetensors, `safetensors/src/tensor.rs`, `enum Dtype`).
///
/// Easel reads F32, F16, BF16 and I64. Every other dtype of the format is still listed and
/// validated (its element size is known), but reading it is an "unsupported dtype" error.
public enum SafeTensorsDType: Equatable, Hashable, Sendable {
    case f32, f16, bf16, i64
    /// Any other dtype code, kept verbatim (for example `"F64"`, `"U8"`, `"F8_E4M3"`).
    case other(String)

    public init(code: String) {
        switch code {
        case "F32": self = .f32
        case "F16": self = .f16
        case "BF16": self = .bf16
        case "I64": self = .i64
        default: self = .other(code)
        }
    }

    /// The code as written in the header.
    public var code: String {
        switch self {
        case .f32: return "F32"
        case .f16: return "F16"
        case .bf16: return "BF16"
        case .i64: return "I64"
        case .other(let code): return code
        }
    }

    /// Bytes per element, or nil for a code this reader does not know (sub-byte or invented
    /// types), whose byte size cannot be checked against its shape.
    public var elementSize: Int? {
        switch self {
        case .f32: return 4
        case .f16, .bf16: return 2
        case .i64: return 8
        case .other(let code): return Self.otherElementSizes[code]
        }
    }

    /// Element sizes of the remaining whole-byte dtypes of the format.
    private static let otherElementSizes: [String: Int] = [
        "BOOL": 1, "U8": 1, "I8": 1, "F8_E5M2": 1, "F8_E4M3": 1, "F8_E8M0": 1,
        "I16": 2, "U16": 2,
        "I32": 4, "U32": 4,
        "F64": 8, "U64": 8,
    ]
}
