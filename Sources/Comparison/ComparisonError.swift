/// A comparison that cannot be planned, as one line naming the axis and the value.
public enum ComparisonError: Error, Equatable, CustomStringConvertible {
    case unknownAxis(String, known: String)
    case badSpec(String)
    case noValues(axis: String)
    case badValue(axis: String, value: String, reason: String)
    case tooManyAxes(Int)
    case tooManyCells(Int)
    case duplicateAxis(String)

    public var description: String {
        switch self {
        case let .unknownAxis(name, known): return "xy: unknown axis '\(name)'; known: \(known)"
        case let .badSpec(spec): return "xy: '\(spec)' is not AXIS=VALUES (e.g. cfg=4,7,10)"
        case let .noValues(axis): return "xy \(axis): no values"
        case let .badValue(axis, value, reason): return "xy \(axis): '\(value)': \(reason)"
        case let .tooManyAxes(count): return "xy: at most 2 axes (X and Y), got \(count)"
        case let .tooManyCells(count): return "xy: \(count) cells is more than \(ComparisonPlan.maximumCells)"
        case let .duplicateAxis(name): return "xy: the axis '\(name)' is given twice"
        }
    }
}
