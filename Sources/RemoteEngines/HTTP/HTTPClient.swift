import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Blocking JSON-over-HTTP calls to one server through Foundation's `URLSession`, with the
/// engine's Basic credentials, and failures turned into one-line `RemoteEngineError`s. The
/// engines call it from their own queues, never from the UI's thread.
public final class HTTPClient: @unchecked Sendable {
    public let base: URL
    let credentials: BasicCredentials?
    private let session: URLSession

    public init(base: URL, credentials: BasicCredentials?) {
        self.base = base
        self.credentials = credentials
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForResource = 24 * 3600
        session = URLSession(configuration: configuration)
    }

    /// `base` + `path` (which starts with `/` and may carry a query).
    public func url(_ path: String) -> URL {
        let root = base.absoluteString.hasSuffix("/") ? String(base.absoluteString.dropLast()) : base.absoluteString
        return URL(string: root + path)!
    }

    /// GET `path`; the body of a 2xx answer.
    public func get(_ path: String, timeout: Double = 30, cancel: CancelToken? = nil) throws -> Data {
        try send(request(path, method: "GET", timeout: timeout), cancel: cancel)
    }

    /// POST `body` as JSON to `path`; the body of a 2xx answer.
    public func post<Body: Encodable>(_ path: String, json body: Body, timeout: Double = 30,
                                      cancel: CancelToken? = nil) throws -> Data {
        var request = request(path, method: "POST", timeout: timeout)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONEncoder().encode(body)
        return try send(request, cancel: cancel)
    }

    /// POST `body` as JSON; the status and body of any answer (ComfyUI's `/prompt` explains a
    /// refused graph in a 400's body). Auth and transport failures still throw.
    public func postForStatus<Body: Encodable>(_ path: String, json body: Body, timeout: Double = 30) throws -> (Int, Data) {
        var request = request(path, method: "POST", timeout: timeout)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONEncoder().encode(body)
        do {
            return (200, try send(request, cancel: nil, passFailures: true))
        } catch let failure as HTTPFailure {
            return (failure.status, failure.body)
        }
    }

    /// POST with an empty body (A1111's interrupt).
    public func post(_ path: String, timeout: Double = 30) throws -> Data {
        try send(request(path, method: "POST", timeout: timeout), cancel: nil)
    }

    /// GET `path` and decode the JSON answer as `T`.
    public func getJSON<T: Decodable>(_ type: T.Type, _ path: String, timeout: Double = 30) throws -> T {
        try decode(type, from: get(path, timeout: timeout), path: path)
    }

    /// Decodes a JSON answer; a missing or mistyped field is a one-line error naming it.
    public func decode<T: Decodable>(_ type: T.Type, from data: Data, path: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw RemoteEngineError.badResponse(url: url(path).absoluteString, reason: DecodingErrorText.line(error))
        }
    }

    private func request(_ path: String, method: String, timeout: Double) -> URLRequest {
        var request = URLRequest(url: url(path))
        request.httpMethod = method
        request.timeoutInterval = timeout
        if let credentials { request.setValue(credentials.header, forHTTPHeaderField: "Authorization") }
        return request
    }

    /// Sends `request` and waits; a set `cancel` token abandons the wait (the task is cancelled).
    private func send(_ request: URLRequest, cancel: CancelToken?, passFailures: Bool = false) throws -> Data {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox()
        let task = session.dataTask(with: request) { data, response, error in
            box.set(data, response as? HTTPURLResponse, error)
            done.signal()
        }
        task.resume()
        if let cancel {
            while done.wait(timeout: .now() + 0.05) == .timedOut {
                if cancel.isCancelled { task.cancel(); done.wait(); throw CancelToken.Cancelled() }
            }
        } else {
            done.wait()
        }
        return try box.result(for: request, timeout: request.timeoutInterval, passFailures: passFailures)
    }
}

/// A 4xx answer handed back to the caller as it came.
struct HTTPFailure: Error {
    var status: Int
    var body: Data
}

/// Set by another thread to abandon a blocking call.
public final class CancelToken: @unchecked Sendable {
    struct Cancelled: Error {}
    private let check: @Sendable () -> Bool
    public init(_ check: @escaping @Sendable () -> Bool) { self.check = check }
    var isCancelled: Bool { check() }
}

/// One answer, set on URLSession's thread and read on the caller's.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    private var response: HTTPURLResponse?
    private var error: Error?

    func set(_ data: Data?, _ response: HTTPURLResponse?, _ error: Error?) {
        lock.lock(); defer { lock.unlock() }
        (self.data, self.response, self.error) = (data, response, error)
    }

    func result(for request: URLRequest, timeout: Double, passFailures: Bool) throws -> Data {
        lock.lock(); defer { lock.unlock() }
        let address = request.url?.absoluteString ?? "?"
        if let error = error as NSError? {
            if error.domain == NSURLErrorDomain, error.code == NSURLErrorTimedOut {
                throw RemoteEngineError.timeout(url: address, seconds: timeout)
            }
            let reason = (error.userInfo[NSLocalizedDescriptionKey] as? String) ?? error.localizedDescription
            throw RemoteEngineError.unreachable(url: address, reason: reason)
        }
        guard let response else { throw RemoteEngineError.badResponse(url: address, reason: "no HTTP response") }
        let body = data ?? Data()
        switch response.statusCode {
        case 200..<300: return body
        case 401, 403: throw RemoteEngineError.authRefused(url: address)
        case 400..<500 where passFailures: throw HTTPFailure(status: response.statusCode, body: body)
        default: throw RemoteEngineError.http(url: address, status: response.statusCode, message: Self.message(in: body))
        }
    }

    /// The server's own message: A1111's `{"detail"}` / `{"error"}`, ComfyUI's
    /// `{"error": {"message"}}`, or the first line of a text body.
    static func message(in body: Data) -> String {
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            if let error = object["error"] as? [String: Any], let message = error["message"] as? String { return message }
            for key in ["detail", "error", "message", "errors"] {
                if let text = object[key] as? String { return text }
            }
        }
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        return text.split(separator: "\n").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
    }
}
