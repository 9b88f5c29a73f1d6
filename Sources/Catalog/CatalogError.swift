/// A name that is not a canonical id; each description is one line naming it and the valid ids.
public enum CatalogError: Error, Equatable, CustomStringConvertible {
    case unknownSamplerID(String)
    case unknownScheduleID(String)

    public var description: String {
        switch self {
        case .unknownSamplerID(let name):
            return "unknown sampler '\(name)' (known: \(Sampler.allCases.map(\.id).joined(separator: ", ")))"
        case .unknownScheduleID(let name):
            return "unknown schedule '\(name)' (known: \(Schedule.allCases.map(\.id).joined(separator: ", ")))"
        }
    }
}
