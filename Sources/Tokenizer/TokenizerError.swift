/// Tokenizer failures; each description is one line naming the file.
public enum TokenizerError: Error, Equatable, CustomStringConvertible {
    case vocabularyMissing(String)
    case vocabularyUnreadable(String, String)
    case tokenMissing(String)

    public var description: String {
        switch self {
        case let .vocabularyMissing(place):
            return "CLIP vocabulary not found in \(place); run `make setup` (or `bash tools/setup.sh`) to fetch it"
        case let .vocabularyUnreadable(file, reason): return "\(file): \(reason)"
        case let .tokenMissing(token): return "CLIP vocabulary lacks the token '\(token)'"
        }
    }
}
