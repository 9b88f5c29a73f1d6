/// Input a network cannot take, reported in one line that names the offending value.
public enum NetworkInputError: Error, CustomStringConvertible, Equatable {
    case tokenOutOfRange(id: Int, vocabularySize: Int)
    case sequenceTooLong(length: Int, maximum: Int)
    case emptyBatch(String)
    case multipliersMismatch(ids: Int, multipliers: Int)
    case shape(String, got: [Int], expected: String)
    /// Hyper-parameters the network cannot be built with (for example a width that does not
    /// split into the configured attention heads).
    case configuration(String)

    public var description: String {
        switch self {
        case let .tokenOutOfRange(id, size):
            return "token id \(id) is outside the text encoder's vocabulary of \(size)"
        case let .sequenceTooLong(length, maximum):
            return "token sequence of \(length) exceeds the text encoder's \(maximum) positions"
        case let .emptyBatch(what):
            return "\(what) is empty"
        case let .multipliersMismatch(ids, multipliers):
            return "chunk has \(ids) token ids but \(multipliers) multipliers"
        case let .shape(what, got, expected):
            return "\(what) has shape \(got), expected \(expected)"
        case let .configuration(detail):
            return detail
        }
    }
}
