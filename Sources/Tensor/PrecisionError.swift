/// A setting that names no `Precision`, e.g. `EASEL_PRECISION=fp64`. One line, naming the source.
public enum PrecisionError: Error, Equatable, CustomStringConvertible {
    /// `source` is where the value came from (an environment variable or an option).
    case unknown(source: String, value: String)

    public var description: String {
        switch self {
        case let .unknown(source, value):
            let names = Precision.allCases.map(\.rawValue)
            return "\(source): expected \(names.dropLast().joined(separator: ", ")) or \(names.last!), got '\(value)'"
        }
    }
}
