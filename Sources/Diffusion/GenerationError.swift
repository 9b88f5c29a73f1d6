/// Why a generation did not produce images. Descriptions are one line and name the field or file.
public enum GenerationError: Error, Equatable, CustomStringConvertible {
    case invalidRequest(field: String, reason: String)
    case cancelled
    case modelNotFound(String)

    public var description: String {
        switch self {
        case let .invalidRequest(field, reason): return "\(field): \(reason)"
        case .cancelled: return "generation cancelled"
        case let .modelNotFound(detail): return detail
        }
    }
}
