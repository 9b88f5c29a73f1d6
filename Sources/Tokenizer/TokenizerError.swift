/// Why a CLIP vocabulary could not be found or read. Each description is one line naming the
/// file (and line) at fault.
public enum TokenizerError: Error, Equatable, CustomStringConvertible {
    case vocabularyNotFound(searched: [String])
    case unreadableFile(path: String, reason: String)
    case malformedFile(path: String, line: Int?, reason: String)

    public var description: String {
        switch self {
        case .vocabularyNotFound(let searched):
            return "CLIP vocabulary not found (looked in \(searched.joined(separator: ", "))); "
                + "run `make setup` or `bash tools/setup.sh`"
        case let .unreadableFile(path, reason):
            return "\(path): \(reason)"
        case let .malformedFile(path, line, reason):
            return line.map { "\(path):\($0): \(reason)" } ?? "\(path): \(reason)"
        }
    }
}
