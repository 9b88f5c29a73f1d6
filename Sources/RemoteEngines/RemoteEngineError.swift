import Foundation

/// Why a remote engine could not do what was asked, as one line naming the server, the field
/// or the setting that is wrong.
public enum RemoteEngineError: Error, Equatable, CustomStringConvertible {
    /// The settings file or an engine entry.
    case settings(String)
    /// Nothing answered at the address.
    case unreachable(url: String, reason: String)
    /// 401 or 403.
    case authRefused(url: String)
    /// No answer within the time allowed.
    case timeout(url: String, seconds: Double)
    /// Any other HTTP failure, with the server's own message when it sent one.
    case http(url: String, status: Int, message: String)
    /// The server answered something this client cannot read (a missing field, say).
    case badResponse(url: String, reason: String)
    /// The server refused the job (ComfyUI's validation, an unknown sampler or model).
    case refused(String)

    /// The same failure named by the server's address instead of the endpoint that failed
    /// (what the engine picker says: "server unreachable at http://127.0.0.1:9: …").
    func atServer(_ base: URL) -> RemoteEngineError {
        switch self {
        case .unreachable(_, let reason): return .unreachable(url: base.absoluteString, reason: reason)
        case .authRefused: return .authRefused(url: base.absoluteString)
        case .timeout(_, let seconds): return .timeout(url: base.absoluteString, seconds: seconds)
        default: return self
        }
    }

    /// `body`'s result, its `RemoteEngineError` named by the server's address.
    static func atServer<T>(_ base: URL, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as RemoteEngineError { throw error.atServer(base) }
    }

    public var description: String {
        switch self {
        case .settings(let line): return line
        case let .unreachable(url, reason): return "server unreachable at \(url): \(reason)"
        case .authRefused(let url): return "\(url): authentication refused (check user and password)"
        case let .timeout(url, seconds): return "\(url): no answer within \(Self.seconds(seconds)) s (timeout)"
        case let .http(url, status, message): return "\(url): HTTP \(status)" + (message.isEmpty ? "" : ": \(message)")
        case let .badResponse(url, reason): return "\(url): unexpected answer: \(reason)"
        case .refused(let line): return line
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
