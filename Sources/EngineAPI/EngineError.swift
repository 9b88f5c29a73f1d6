/// Why a job did not produce images. Descriptions are one line and name the field or file.
public enum EngineError: Error, Equatable, CustomStringConvertible {
    case invalidRequest(field: String, reason: String)
    case cancelled
    case modelNotFound(String)
    /// The engine cannot do what the request asks (a family, a sampler, img2img, a size).
    case unsupported(String)
    /// The engine's own one-line reason (a load or a job that failed).
    case failed(String)

    public var description: String {
        switch self {
        case let .invalidRequest(field, reason): return "\(field): \(reason)"
        case .cancelled: return "generation cancelled"
        case let .modelNotFound(detail): return detail
        case let .unsupported(detail): return detail
        case let .failed(detail): return detail
        }
    }
}
