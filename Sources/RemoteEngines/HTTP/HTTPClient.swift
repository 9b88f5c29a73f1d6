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
    private let answers = HTTPAnswers()

    public init(base: URL, credentials: BasicCredentials?) {
        self.base = base
        self.credentials = credentials
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForResource = 24 * 3600
        session = URLSession(configuration: configuration, delegate: answers, delegateQueue: nil)
    }

    deinit { session.finishTasksAndInvalidate() }

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

    /// POST `body` as `contentType` (ComfyUI's multipart `/upload/image`); the body of a 2xx answer.
    public func post(_ path: String, body: Data, contentType: String, timeout: Double = 60) throws -> Data {
        var request = request(path, method: "POST", timeout: timeout)
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        return try send(request, cancel: nil)
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
        let box = HTTPAnswer()
        let task = session.dataTask(with: request)
        answers.track(task, box)
        task.resume()
        if let cancel {
            while box.done.wait(timeout: .now() + 0.05) == .timedOut {
                if cancel.isCancelled { task.cancel(); box.done.wait(); throw CancelToken.Cancelled() }
            }
        } else {
            box.done.wait()
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
