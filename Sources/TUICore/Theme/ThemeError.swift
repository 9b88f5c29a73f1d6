/// Why a theme file could not be used; the description names the file and the key.
public enum ThemeError: Error, Equatable, CustomStringConvertible {
    case badColor(String)
    case badFile(path: String, reason: String)
    case notFound(name: String, searched: [String])

    public var description: String {
        switch self {
        case .badColor(let text):
            return "'\(text)' is not a colour (use default, #rrggbb, a name such as red or brightblue, or 0-255)"
        case .badFile(let path, let reason):
            return "theme \(path): \(reason)"
        case .notFound(let name, let searched):
            return "no theme '\(name)' (looked in \(searched.joined(separator: ", ")))"
        }
    }
}
