/// The model the engine has (or could not get).
public enum ModelStatus: Equatable, Sendable {
    case none
    case loading(name: String)
    case ready(name: String)
    case failed(name: String, message: String)

    public var name: String? {
        switch self {
        case .none: return nil
        case .loading(let n), .ready(let n), .failed(let n, _): return n
        }
    }
}
